package dev.kiln.cli.engine;

import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.KilnClient;
import java.util.ArrayList;
import java.util.List;

/** `kiln inspect NAME`: a VM's details as a JSON array (as docker inspect prints). */
public final class VmInspect {
    private VmInspect() {}

    /** Prints the VMs' details; returns 1 if any was refused (each refusal on stderr). */
    public static int print(DaemonOptions daemon, List<String> refs) throws Exception {
        List<VmDetails> found = new ArrayList<>();
        int status = 0;
        try (KilnClient client = daemon.client()) {
            for (String ref : refs) {
                try {
                    found.add(client.inspect(ref));
                } catch (ApiException e) {
                    DaemonVerb.error(e.getMessage() + (e.status() == 404 ? " (nor an image file of that name)" : ""));
                    status = DaemonVerb.FAILED;
                }
            }
        }
        System.out.println(ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
        return status;
    }
}
