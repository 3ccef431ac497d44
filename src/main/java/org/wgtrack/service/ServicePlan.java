package org.wgtrack.service;

import java.util.List;
import java.util.Optional;

/**
 * What install or uninstall will do, computed before anything is done.
 *
 * @param outcome the line printed after all steps succeeded, when there is one
 */
public record ServicePlan(List<Step> steps, Optional<String> outcome) {

    public ServicePlan {
        steps = List.copyOf(steps);
    }
}
