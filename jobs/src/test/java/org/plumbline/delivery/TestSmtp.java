package org.plumbline.delivery;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded SMTP server (GreenMail) the tests start: on a free loopback port, so that test
 * runs side by side on one machine never clash, and given time to start on a loaded machine
 * (GreenMail's own default is two seconds).
 */
public final class TestSmtp {

  private TestSmtp() {}

  public static ServerSetup onFreePort() {
    return onPort(0);
  }

  public static ServerSetup onPort(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(30_000);
    return setup;
  }
}
