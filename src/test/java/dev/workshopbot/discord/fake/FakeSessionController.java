package dev.workshopbot.discord.fake;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA at the fake gateway. JDA takes the gateway URL from its session controller, not from REST, and the
 * stock controller waits five seconds between connects, which the fake has no rate limit to justify.
 */
public final class FakeSessionController extends SessionControllerAdapter {

    private final String gatewayUrl;

    public FakeSessionController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    protected void runWorker() {
        synchronized (lock) {
            if (workerHandle == null) {
                workerHandle = new QueueWorker(0L);
                workerHandle.setDaemon(true);
                workerHandle.start();
            }
        }
    }
}
