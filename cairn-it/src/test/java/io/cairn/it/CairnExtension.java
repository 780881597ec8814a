package io.cairn.it;

import io.cairn.cli.Cli;
import io.cairn.client.Cairn;
import io.cairn.server.testing.CairnServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The server fixture plus what end-to-end tests add: SDK clients and the CLI run in-process. */
public final class CairnExtension extends CairnServerExtension {

    private final List<Cairn> clients = new ArrayList<>();

    /** What one CLI run printed, and its exit code. */
    public record CliRun(int exitCode, String out, String err) {}

    /** An SDK client authenticated with the admin token. */
    public Cairn adminSdk() {
        Cairn cairn = Cairn.builder().baseUrl(baseUri().toString()).adminToken(adminToken()).build();
        clients.add(cairn);
        return cairn;
    }

    /** An SDK client for one project, sending {@code key} to its Keen APIs; closed when the server stops. */
    public Cairn sdk(String projectId, String key) {
        Cairn cairn = Cairn.builder().baseUrl(baseUri().toString()).projectId(projectId).key(key).build();
        clients.add(cairn);
        return cairn;
    }

    /** Runs {@code cairn <args>} in-process against this server (URL and admin token come from the environment). */
    public CliRun cli(String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CAIRN_URL", baseUri().toString());
        environment.put("CAIRN_ADMIN_TOKEN", adminToken());
        return cli(environment, args);
    }

    public CliRun cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new Cli(environment, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public void stop() {
        clients.forEach(Cairn::close);
        clients.clear();
        super.stop();
    }
}
