package org.wgtrack.output;

import java.util.List;

/**
 * Every output section of a config, validated.
 *
 * @param warnings unknown keys: to log once, they do not stop the config from loading
 */
public record OutputPlan(List<OutputSpec> specs, List<org.wgtrack.config.ConfigProblem> warnings) {

    public OutputPlan {
        specs = List.copyOf(specs);
        warnings = List.copyOf(warnings);
    }
}
