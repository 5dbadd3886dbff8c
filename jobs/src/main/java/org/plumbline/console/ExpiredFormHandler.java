package org.plumbline.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form whose session is gone (left open overnight, or the console restarted) fails its CSRF
 * check. That is not a permission problem, so instead of a bare 403 page the user is sent to
 * the login page with a sentence saying nothing was sent. Real permission refusals (a viewer
 * posting a launch) stay 403.
 */
class ExpiredFormHandler implements AccessDeniedHandler {

  private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, jakarta.servlet.ServletException {
    if (denied instanceof CsrfException && !response.isCommitted()) {
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    refusal.handle(request, response, denied);
  }
}
