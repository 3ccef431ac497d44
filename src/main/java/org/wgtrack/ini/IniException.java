package org.wgtrack.ini;

import java.util.List;
import java.util.stream.Collectors;

/** Every syntax problem of an INI document, or the interpolation problem of one value; one per line. */
public final class IniException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public IniException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an IniException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public IniException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
