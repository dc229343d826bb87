package th.tambon.gateway.dashboard;

import jakarta.inject.Singleton;
import th.tambon.security.http.FilesWithoutTokenRule;

/**
 * The dashboard's files ({@code /assets/**}: its script, styles and fonts; {@code /webjars/**}: Chart.js) are read
 * without a token, GET and HEAD only: the sign-in page needs them before anyone is signed in, and they hold no
 * programme data.
 */
@Singleton
public class DashboardAssetsRule extends FilesWithoutTokenRule {
    @Override
    protected boolean isFile(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/");
    }
}
