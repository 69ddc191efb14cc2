using System.Text.Encodings.Web;
using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Linting;
using StrategyLint.Syntax;

namespace StrategyLint.Cli.Output;

/// <summary>For scripts: one object per finding (file, positions, id, severity, message, properties) and one per file.</summary>
/// Suppressed findings are always included, marked with their suppression and reason, so scripts can audit them.
internal sealed class JsonFormatter : IResultFormatter
{
    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();

            json.WriteStartObject("summary");
            json.WriteNumber("files", result.Files.Count);
            json.WriteNumber("errors", result.Count(RuleSeverity.Error));
            json.WriteNumber("warnings", result.Count(RuleSeverity.Warning));
            json.WriteNumber("info", result.Count(RuleSeverity.Info));
            json.WriteNumber("suppressed", result.Findings.Count(f => f.IsSuppressed));
            json.WriteEndObject();

            var matrix = CoverageMatrix.Build(result, catalog);
            var rows = matrix.Rows.ToDictionary(r => r.Path, StringComparer.Ordinal);
            json.WriteStartArray("files");
            foreach (var file in result.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.File.DisplayPath);
                json.WriteBoolean("skipped", file.Skipped);
                if (file.Format is not null)
                {
                    json.WriteString("encoding", file.Format.EncodingName);
                    json.WriteString("lineEndings", file.Format.NewLine == "\r\n" ? "crlf" : "lf");
                }
                if (file.Profile is { } profile)
                {
                    json.WriteStartObject("profile");
                    json.WriteString("name", profile.Name);
                    json.WriteString("source", profile.Source);
                    json.WriteString("reason", profile.Reason);
                    json.WriteEndObject();
                }
                if (file.Language is { } language)
                    WriteLanguage(json, language);
                json.WriteNumber("findings", file.Reported.Count());
                WriteCoverage(json, matrix, rows.GetValueOrDefault(file.File.DisplayPath));
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("file", finding.Path);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteString("id", finding.Id);
                json.WriteString("severity", finding.Severity.ToName());
                json.WriteString("category", finding.Descriptor.Category);
                json.WriteString("title", finding.Descriptor.Title.ToString());
                json.WriteString("message", finding.Message);
                // Only an http(s) page: a pack's javascript: or file: link is dropped.
                if (Escape.WebLink(finding.Descriptor.HelpLinkUri) is { } helpUri)
                    json.WriteString("helpUri", helpUri);
                if (finding.LineHash is { } hash)
                    json.WriteString("fingerprint", hash);
                json.WriteBoolean("suppressed", finding.IsSuppressed);
                if (finding.Suppression is { } suppression)
                {
                    json.WriteStartObject("suppression");
                    json.WriteString("kind", suppression.Kind);
                    if (suppression.Justification is { } reason)
                        json.WriteString("justification", reason);
                    json.WriteEndObject();
                }
                json.WriteStartObject("properties");
                foreach (var (key, value) in finding.Properties ?? new Dictionary<string, string>())
                    json.WriteString(key, value);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(Escape.Json(System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
        writer.WriteLine();
    }

    /// <summary>The language the file was read in: code, name, where it came from and why, and detection's counts.</summary>
    private static void WriteLanguage(Utf8JsonWriter json, DocumentLanguage language)
    {
        json.WriteStartObject("language");
        json.WriteString("code", language.Code);
        json.WriteString("name", language.Name);
        json.WriteString("source", language.Source);
        json.WriteString("reason", language.Reason);
        json.WriteBoolean("domainRules", language.HasDomainVocabulary);
        if (language.WordsRead > 0)
        {
            json.WriteNumber("wordsRead", language.WordsRead);
            json.WriteStartObject("scores");
            foreach (var (code, score) in language.Scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
                json.WriteNumber(code, score);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The file's row of the coverage matrix: topic id → covered, thin, missing or notChecked.</summary>
    private static void WriteCoverage(Utf8JsonWriter json, CoverageMatrix matrix, CoverageRow? row)
    {
        if (row is null)
            return;
        json.WriteStartObject("coverage");
        for (var i = 0; i < matrix.Columns.Count; i++)
        {
            var cell = row.Cells[i];
            // A cell not checked for another profile is left out; one not checked for the draft's language says why.
            if (cell.State == CoverageState.NotChecked && cell.Reason is null)
                continue;
            json.WriteStartObject(matrix.Columns[i].Topic.DiagnosticId);
            json.WriteString("topic", matrix.Columns[i].Topic.Label);
            json.WriteString("state", cell.State == CoverageState.NotChecked ? "notChecked" : cell.State.ToString().ToLowerInvariant());
            if (cell.Reason is { } reason)
                json.WriteString("reason", reason);
            if (cell.Suppressed)
                json.WriteBoolean("suppressed", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
