import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes the .deb's machine-readable (DEP-5) {@code /usr/share/doc/wgtrack/copyright}: the
 * hand-written template {@code packaging/copyright.in} with one {@code Files:} paragraph per
 * dependency that the shaded jar bundles, taken from the build, so it cannot go stale:
 *
 * <pre>
 * Files: picocli/*
 * Copyright: 2018- Remko Popma
 * License: Apache-2.0
 * Comment: info.picocli:picocli 4.7.7, bundled in /usr/share/wgtrack/wgtrack.jar
 * </pre>
 *
 * The dependencies are those of {@code dependency:list -DincludeScope=runtime}; each one's
 * licence comes from its POM (or a parent POM in the local repository). The build fails
 * instead of writing a file that could be wrong: a licence it cannot name in SPDX terms, a
 * listed jar whose classes are not in the shaded jar, a class in the shaded jar that neither
 * wgtrack nor a listed jar provides, a licence file inside a jar (code embedded in a
 * dependency) that the template does not name, or a licence without its License: paragraph.
 *
 * <p>Run by Maven (exec-maven-plugin, package phase) as a single-file program:
 * {@code java DebCopyright.java DEPENDENCY_LIST LOCAL_REPO SHADED_JAR CLASSES TEMPLATE OUT}.
 */
public final class DebCopyright {

    private static final String MARKER = "@BUNDLED_DEPENDENCIES@";
    /** "   info.picocli:picocli:jar:4.7.7:compile:/root/.m2/…/picocli-4.7.7.jar -- module info.picocli" */
    private static final Pattern LISTED = Pattern.compile(
            "^\\s*([^:\\s]+):([^:\\s]+):jar:(?:[^:\\s]+:)?([^:\\s]+):(compile|runtime):(/\\S+\\.jar)(?:\\s.*)?$");

    private record Dependency(String groupId, String artifactId, String version, Path jar) {
        String coordinates() {
            return groupId + ":" + artifactId;
        }
    }

    private record License(String spdx, String copyright) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java DebCopyright.java DEPENDENCY_LIST LOCAL_REPO SHADED_JAR CLASSES TEMPLATE OUT");
            System.exit(2);
        }
        List<String> problems = new ArrayList<>();
        String text = generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
                Files.readString(Path.of(args[4]), StandardCharsets.UTF_8), problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("DebCopyright: " + p));
            System.exit(1);
        }
        Path out = Path.of(args[5]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("DebCopyright: wrote " + out);
    }

    static String generate(Path dependencyList, Path localRepo, Path shadedJar, Path classes, String template,
            List<String> problems) throws Exception {
        List<Dependency> dependencies = listed(dependencyList, problems);
        Set<String> unclaimed = classesIn(shadedJar);
        unclaimed.removeAll(ownClasses(classes));
        StringBuilder paragraphs = new StringBuilder();
        Set<String> embeddedLicenseFiles = new TreeSet<>();
        for (Dependency dependency : dependencies) {
            Set<String> classesOfJar = classesIn(dependency.jar());
            if (!unclaimed.containsAll(classesOfJar)) {
                problems.add(dependency.coordinates() + " " + dependency.version() + " is listed as bundled but "
                        + shadedJar + " lacks some of its classes (a shade filter? a stale dependency list?)");
            }
            unclaimed.removeAll(classesOfJar);
            embeddedLicenseFiles.addAll(licenseFilesIn(dependency, problems));
            Optional<License> license = license(dependency, localRepo, problems);
            if (license.isEmpty()) {
                continue;
            }
            paragraphs.append("Files: ").append(String.join(" ", filePatterns(classesOfJar))).append('\n')
                    .append("Copyright: ").append(license.get().copyright()).append('\n')
                    .append("License: ").append(license.get().spdx()).append('\n')
                    .append("Comment: ").append(dependency.coordinates()).append(' ').append(dependency.version())
                    .append(", bundled in /usr/share/wgtrack/wgtrack.jar\n\n");
        }
        if (!unclaimed.isEmpty()) {
            problems.add(shadedJar + " holds " + unclaimed.size() + " classes of no listed dependency, e.g. "
                    + unclaimed.iterator().next());
        }
        for (String file : embeddedLicenseFiles) {
            if (!template.contains(file)) {
                problems.add(file + " (code that a dependency embeds, under a licence of its own) is not named in"
                        + " the copyright template: add a paragraph for it");
            }
        }
        if (!template.contains(MARKER + "\n")) {
            problems.add("the template has no line " + MARKER);
            return template;
        }
        String text = template.replace(MARKER + "\n", paragraphs.toString());
        checkLicenseParagraphs(text, problems);
        return text;
    }

    private static List<Dependency> listed(Path dependencyList, List<String> problems) throws IOException {
        List<Dependency> dependencies = new ArrayList<>();
        for (String line : Files.readAllLines(dependencyList, StandardCharsets.UTF_8)) {
            Matcher m = LISTED.matcher(line);
            if (m.matches()) {
                dependencies.add(new Dependency(m.group(1), m.group(2), m.group(3), Path.of(m.group(5))));
            } else if (line.matches("^\\s+\\S+:\\S+.*")) {
                problems.add(dependencyList + ": not understood: " + line.strip());
            }
        }
        dependencies.sort((a, b) -> a.coordinates().compareTo(b.coordinates()));
        return dependencies;
    }

    private static Set<String> classesIn(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> ownClasses(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet());
        }
    }

    /** Licence files a jar carries besides its own LICENSE/NOTICE: code it embeds under another licence. */
    private static Set<String> licenseFilesIn(Dependency dependency, List<String> problems) throws IOException {
        Set<String> files = new TreeSet<>();
        try (ZipFile zip = new ZipFile(dependency.jar().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                String base = name.substring(name.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
                if (base.contains("LICENSE") || base.contains("LICENCE") || base.contains("COPYING")) {
                    if (!base.matches("LICEN[SC]E(\\.TXT|\\.MD)?")) {
                        files.add(name);
                    }
                }
            }
        }
        return files;
    }

    /** Top-level directories of a jar's classes, one level below a common prefix: "com/fasterxml/jackson/core/*". */
    private static List<String> filePatterns(Set<String> classes) {
        Set<String> packages = new TreeSet<>();
        for (String name : classes) {
            int slash = name.lastIndexOf('/');
            packages.add(slash < 0 ? "" : name.substring(0, slash));
        }
        String common = packages.isEmpty() ? "" : packages.iterator().next();
        for (String p : packages) {
            while (!(p + "/").startsWith(common + "/") && !common.isEmpty()) {
                int slash = common.lastIndexOf('/');
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return List.of(common.isEmpty() ? "*" : common + "/*");
    }

    private static Optional<License> license(Dependency dependency, Path localRepo, List<String> problems)
            throws Exception {
        Path pom = pomOf(dependency.jar());
        Set<String> spdx = new LinkedHashSet<>();
        String year = null;
        String holder = null;
        for (int depth = 0; pom != null && Files.exists(pom) && depth < 10; depth++) {
            Document doc = parse(pom);
            Element project = doc.getDocumentElement();
            if (spdx.isEmpty()) {
                for (Element license : children(child(project, "licenses"), "license")) {
                    String name = text(child(license, "name"));
                    String url = text(child(license, "url"));
                    Optional<String> id = spdxId(name, url);
                    if (id.isEmpty()) {
                        problems.add(dependency.coordinates() + ": licence '" + name + "' (" + url + ") has no SPDX"
                                + " name here: add it to DebCopyright.spdxId and a License: paragraph to the template");
                    }
                    id.ifPresent(spdx::add);
                }
            }
            year = year != null ? year : text(child(project, "inceptionYear"));
            if (holder == null) {
                Element organization = child(project, "organization");
                holder = text(child(organization, "name"));
            }
            if (holder == null) {
                List<String> names = new ArrayList<>();
                for (Element developer : children(child(project, "developers"), "developer")) {
                    Optional.ofNullable(text(child(developer, "name"))).ifPresent(names::add);
                }
                holder = names.isEmpty() ? null : String.join(", ", names);
            }
            if (!spdx.isEmpty() && year != null && holder != null) {
                break;
            }
            pom = parentPom(project, localRepo);
        }
        if (spdx.isEmpty()) {
            problems.add(dependency.coordinates() + ": no licence in its POM or its parents");
            return Optional.empty();
        }
        String copyright = (year == null ? "" : year + "- ")
                + (holder == null ? "the " + dependency.artifactId() + " authors" : holder);
        return Optional.of(new License(String.join(" or ", spdx), copyright));
    }

    static Optional<String> spdxId(String name, String url) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if ((n.contains("apache") && n.contains("2.0")) || n.equals("apache-2.0") || u.contains("apache.org/licenses/license-2.0")) {
            return Optional.of("Apache-2.0");
        }
        if (n.equals("lgpl-2.1-or-later") || (n.contains("lesser general public license") && n.contains("2.1") && n.contains("later"))) {
            return Optional.of("LGPL-2.1+");
        }
        if (n.equals("mit") || n.contains("mit license") || u.contains("opensource.org/licenses/mit")) {
            return Optional.of("Expat");
        }
        if (n.contains("bsd") && (n.contains("3-clause") || n.contains("3 clause") || n.contains("new"))) {
            return Optional.of("BSD-3-clause");
        }
        if (n.contains("bsd") && (n.contains("2-clause") || n.contains("2 clause") || n.contains("simplified"))) {
            return Optional.of("BSD-2-clause");
        }
        return Optional.empty();
    }

    /** Every licence named in a Files: paragraph has a stand-alone License: paragraph, and no other is there. */
    private static void checkLicenseParagraphs(String text, List<String> problems) {
        Set<String> used = new TreeSet<>();
        Set<String> defined = new TreeSet<>();
        for (String paragraph : text.split("\n\n")) {
            boolean files = paragraph.startsWith("Files:") || paragraph.contains("\nFiles:");
            Matcher m = Pattern.compile("(?m)^License: (.+)$").matcher(paragraph);
            if (!m.find()) {
                continue;
            }
            Set<String> names = Set.of(m.group(1).strip().split(" or | and "));
            if (files) {
                used.addAll(names);
            } else if (!paragraph.startsWith("Format:")) {
                defined.addAll(names);
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defined);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        missing.forEach(l -> problems.add("licence " + l + " is used but has no License: paragraph in the template"));
        unused.forEach(l -> problems.add("licence " + l + " has a License: paragraph but nothing uses it"));
    }

    private static Path pomOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".pom");
    }

    private static Path parentPom(Element project, Path localRepo) {
        Element parent = child(project, "parent");
        if (parent == null) {
            return null;
        }
        String groupId = text(child(parent, "groupId"));
        String artifactId = text(child(parent, "artifactId"));
        String version = text(child(parent, "version"));
        if (groupId == null || artifactId == null || version == null) {
            return null;
        }
        return localRepo.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".pom");
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        try (InputStream in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isElementNamed(n, name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static boolean isElementNamed(Node node, String name) {
        return node.getNodeType() == Node.ELEMENT_NODE && name.equals(((Element) node).getTagName());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                if (isElementNamed(node, name)) {
                    found.add((Element) node);
                }
            }
        }
        return found;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip().replaceAll("\\s+", " ");
        return text.isEmpty() || text.contains("${") ? null : text;
    }
}
