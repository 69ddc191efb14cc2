using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Linting;
using StrategyLint.Profiles;

namespace StrategyLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: the driver with full rule metadata, results with rule index, level,
/// message, a repository-relative artifact URI (against %SRCROOT%, the working folder) and all four region fields.
/// </summary>
internal sealed class SarifFormatter(string? workingDirectory = null) : IResultFormatter
{
    public const string SrcRoot = "%SRCROOT%";

    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var descriptors = catalog.Descriptors;
        for (var i = 0; i < descriptors.Length; i++)
            ruleIndex[descriptors[i].Id] = i;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var descriptor in descriptors)
                WriteRule(json, descriptor, catalog.NameOf(descriptor.Id));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            var root = workingDirectory ?? Environment.CurrentDirectory;
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(root) + "/").AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var file in result.Files)
                foreach (var finding in file.Findings)
                    WriteResult(json, finding, ruleIndex[finding.Id], file.Profile);
            json.WriteEndArray();

            // Which profile each file was linted as, and why (product.md §4).
            json.WriteStartObject("properties");
            json.WriteStartArray("profiles");
            foreach (var file in result.Files.Where(f => f.Profile is not null))
            {
                json.WriteStartObject();
                json.WriteString("file", file.File.DisplayPath);
                json.WriteString("profile", file.Profile!.Name);
                json.WriteString("source", file.Profile.Source);
                json.WriteString("reason", file.Profile.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor descriptor, string name)
    {
        var title = descriptor.Title.ToString();
        var description = descriptor.Description.ToString();
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", description.Length > 1000 ? description[..1000] : description);
        json.WriteEndObject();
        json.WriteString("helpUri", descriptor.HelpLinkUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{description} See {descriptor.HelpLinkUri}");
        json.WriteString("markdown", $"**{descriptor.Id}: {title}**\n\n{description}\n\n[Rule documentation]({descriptor.HelpLinkUri})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", RuleSeverityExtensions.FromDefault(descriptor.DefaultSeverity).ToSarifLevel());
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", descriptor.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue(descriptor.Category);
        foreach (var tag in descriptor.CustomTags)
            json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("precision", "high");
        json.WriteString("problem.severity", descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "recommendation",
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, ProfileChoice? profile)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Severity.ToSarifLevel());
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(finding.Path))
        {
            json.WriteString("uri", new Uri(finding.Path).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", RelativeUri(finding.Path));
            json.WriteString("uriBaseId", SrcRoot);
        }
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        if (profile is not null)
            json.WriteString("profile", profile.Name);
        foreach (var (key, value) in finding.Properties ?? new Dictionary<string, string>())
            json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Forward slashes, each segment percent-encoded, never a leading slash (SARIF2016).</summary>
    internal static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
