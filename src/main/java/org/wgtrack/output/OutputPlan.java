package org.wgtrack.output;

import java.util.List;
import org.wgtrack.ini.ConfigProblem;

/**
 * Every output section of a config, validated.
 *
 * @param warnings unknown keys: to log once, they do not stop the config from loading
 */
public record OutputPlan(List<OutputSpec> specs, List<ConfigProblem> warnings) {

    public OutputPlan {
        specs = List.copyOf(specs);
        warnings = List.copyOf(warnings);
    }
}
