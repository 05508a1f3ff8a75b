/**
 * The schema check engine and report writers of {@code flowodm validate} and {@code flowodm
 * check-compatibility}, shared with the Maven plugin's goals of the same names: {@link
 * io.flowodm.cli.check.SchemaChecker} turns {@link io.flowodm.schema.SchemaCheck}'s findings into
 * {@link io.flowodm.cli.check.Finding}s with a rule id ({@link io.flowodm.cli.check.Rules}) and, with
 * {@link io.flowodm.cli.check.RecordSources}, the record's file and the component's line; {@link
 * io.flowodm.cli.check.ReportFormat} writes text, JSON, GitHub workflow commands, JUnit XML and
 * SARIF 2.1.0.
 *
 * <p>Nothing here uses picocli, so the Maven plugin depends on this module without the command
 * line's parser. The types are public for the plugin; the command line and the plugin are their
 * supported faces.
 */
package io.flowodm.cli.check;
