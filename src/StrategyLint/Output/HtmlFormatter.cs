using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>
/// One self-contained HTML page for reviewers who never open a terminal: the summary, the coverage matrix as a
/// heatmap (colour and a symbol with a word in every cell, so it reads without colour and prints in black and
/// white), and the findings per file with the quoted passage and the rule's help. Nothing is loaded from the
/// network: the CSS is inline, there is no script, and a Content-Security-Policy forbids every load, so the page
/// opens the same from an e-mail attachment, a CI artifact or an air-gapped laptop. The output depends only on
/// the run (no date), so the same drafts give the same bytes.
/// </summary>
internal sealed partial class HtmlFormatter(OutputOptions options) : IResultFormatter
{
    /// <summary>The page's policy: nothing may load, only the inline style applies (no script at all).</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /// <summary>The id of the matrix table (the browser test looks for it after load).</summary>
    public const string MatrixId = "coverage-matrix";

    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        var page = new Page();
        var matrix = CoverageMatrix.Build(result, catalog);
        var files = result.Files.Select((file, index) => new FileEntry(file, $"file-{index + 1}", [.. options.Visible(file)])).ToList();

        page.Line("<!DOCTYPE html>");
        page.Line("<html lang=\"en\">");
        page.Line("<head>");
        page.Line("<meta charset=\"utf-8\">");
        page.Line($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        page.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Line("<meta name=\"referrer\" content=\"no-referrer\">");
        page.Line($"<meta name=\"generator\" content=\"{Encode(ToolInfo.Name)} {Encode(ToolInfo.Version)}\">");
        page.Line($"<title>StrategyLint report: {Encode(TextFormatter.Summary(result))}</title>");
        page.Line("<style>");
        page.Raw(Style);
        page.Line("</style>");
        page.Line("</head>");
        page.Line("<body>");

        WriteHeader(page, result);
        page.Line("<main>");
        WriteMatrix(page, matrix, catalog, files);
        WriteFindings(page, files);
        page.Line("</main>");
        page.Line($"<footer><p>Written by {Encode(ToolInfo.Name)} {Encode(ToolInfo.Version)}. The page loads nothing from the network; links open the rules' pages.</p></footer>");
        page.Line("</body>");
        page.Line("</html>");
        writer.Write(page.ToString());
    }

    /// <summary>A file, the id of its findings section, and the findings this run shows for it.</summary>
    private sealed record FileEntry(FileResult File, string Anchor, IReadOnlyList<Finding> Findings)
    {
        public string FindingAnchor(int index) => $"{Anchor}-{index + 1}";
    }

    private void WriteHeader(Page page, LintResult result)
    {
        page.Line("<header>");
        page.Line("<h1>StrategyLint report</h1>");
        page.Line($"<p class=\"summary\">{Encode(TextFormatter.Summary(result))}</p>");
        page.Line($"<p class=\"meta\">{Encode(ToolInfo.Name)} {Encode(ToolInfo.Version)} checked {Encode(Wording.Count(result.Files.Count, "draft", "drafts"))} against good practice for national cybersecurity strategies, cybercrime strategies and capacity-building plans.</p>");
        var suppressed = result.Findings.Count(f => f.IsSuppressed);
        if (suppressed > 0 && !options.IncludeSuppressed)
            page.Line($"<p class=\"meta\">{Encode(Wording.Count(suppressed, "suppressed finding", "suppressed findings"))} {(suppressed == 1 ? "is" : "are")} not shown (the drafting team accepted them; <code>--include-suppressed</code> lists them).</p>");
        page.Line("</header>");
    }

    // ---- coverage heatmap ---------------------------------------------------------------------------------------

    private static void WriteMatrix(Page page, CoverageMatrix matrix, RuleCatalog catalog, IReadOnlyList<FileEntry> files)
    {
        page.Line("<section id=\"coverage\">");
        page.Line("<h2>Coverage</h2>");
        if (matrix.IsEmpty)
        {
            page.Line("<p>No focus-area or clause rule ran on these files (their profiles have none, or the configuration switched them off).</p>");
            page.Line("</section>");
            return;
        }
        page.Line("<p>Which focus areas and clauses each draft covers. Select a cell to read the findings behind it, or a column heading to read the rule.</p>");
        WriteLegend(page);

        var byPath = new Dictionary<string, FileEntry>(StringComparer.Ordinal);
        foreach (var entry in files)
            byPath.TryAdd(entry.File.File.DisplayPath, entry);

        page.Line("<div class=\"scroll\">");
        page.Line($"<table class=\"matrix\" id=\"{MatrixId}\">");
        page.Line("<caption>Focus areas and clauses × drafts</caption>");
        page.Line("<thead>");
        page.Line("<tr><th scope=\"col\" class=\"file\">Draft <span class=\"id\">and its profile</span></th>");
        foreach (var column in matrix.Columns)
        {
            var descriptor = catalog.Find(column.Topic.DiagnosticId)!;
            var label = $"{Encode(column.Topic.Label)}<span class=\"id\">{Encode(descriptor.Id)}</span>";
            page.Line($"<th scope=\"col\" class=\"topic\" title=\"{Encode($"{descriptor.Id}: {descriptor.Title}")}\">{Link(descriptor.HelpLinkUri, label)}</th>");
        }
        page.Line("</tr>");
        page.Line("</thead>");
        page.Line("<tbody>");
        foreach (var row in matrix.Rows)
        {
            byPath.TryGetValue(row.Path, out var entry);
            var fileCell = entry is null ? $"<code>{Encode(row.Path)}</code>" : $"<a href=\"#{entry.Anchor}\"><code>{Encode(row.Path)}</code></a>";
            var profile = row.Profile is { } name ? $"<span class=\"profile\">{Encode(name)}</span>" : "";
            page.Line($"<tr><th scope=\"row\" class=\"file\">{fileCell}{profile}</th>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var id = matrix.Columns[i].Topic.DiagnosticId;
                var (css, symbol, word) = Look(cell.State);
                var text = $"<span class=\"sym\" aria-hidden=\"true\">{symbol}</span> <span class=\"word\">{word}</span>" + (cell.Suppressed ? " <span class=\"accepted\">(suppressed)</span>" : "");
                var title = $"{row.Path}: {matrix.Columns[i].Topic.Label} {Describe(cell)}";
                var target = entry is null ? null : "#" + (FindingBehind(entry, cell, id) ?? entry.Anchor);
                var content = target is null ? text : $"<a href=\"{target}\">{text}</a>";
                page.Line($"<td class=\"cell {css}{(cell.Suppressed ? " suppressed" : "")}\" title=\"{Encode(title)}\">{content}</td>");
            }
            page.Line("</tr>");
        }
        page.Line("</tbody>");
        // Per-column totals: how many of the drafts checked for the topic cover it.
        page.Line("<tfoot>");
        page.Line("<tr><th scope=\"row\" class=\"file\">Covered in</th>");
        for (var i = 0; i < matrix.Columns.Count; i++)
        {
            var checkedFiles = matrix.Rows.Count - matrix.Count(i, CoverageState.NotChecked);
            page.Line($"<td class=\"total\">{matrix.Count(i, CoverageState.Covered).ToString(CultureInfo.InvariantCulture)} of {checkedFiles.ToString(CultureInfo.InvariantCulture)}</td>");
        }
        page.Line("</tr>");
        page.Line("</tfoot>");
        page.Line("</table>");
        page.Line("</div>");
        page.Line("</section>");
    }

    private static void WriteLegend(Page page)
    {
        page.Line("<ul class=\"legend\">");
        foreach (var (state, meaning) in new[]
        {
            (CoverageState.Covered, "the draft has a section on it"),
            (CoverageState.Thin, "mentioned in passing, no section of its own"),
            (CoverageState.Missing, "nothing in the draft addresses it"),
            (CoverageState.NotChecked, "not checked for this kind of document"),
        })
        {
            var (css, symbol, word) = Look(state);
            page.Line($"<li><span class=\"swatch {css}\"><span aria-hidden=\"true\">{symbol}</span> {word}</span> {meaning}</li>");
        }
        page.Line("<li><span class=\"swatch suppressed\">(suppressed)</span> the drafting team accepted the gap</li>");
        page.Line("</ul>");
    }

    /// <summary>The CSS class, symbol and word of a state: the symbol and word carry the meaning without colour.</summary>
    private static (string Css, string Symbol, string Word) Look(CoverageState state) => state switch
    {
        CoverageState.Covered => ("covered", "✓", "covered"),
        CoverageState.Thin => ("thin", "◐", "thin"),
        CoverageState.Missing => ("missing", "✗", "missing"),
        _ => ("unchecked", "–", "not checked"),
    };

    private static string Describe(CoverageCell cell) => cell.State switch
    {
        CoverageState.Covered => "covered",
        CoverageState.Thin => "thin: mentioned in passing" + (cell.Suppressed ? " (suppressed)" : ""),
        CoverageState.Missing => "missing" + (cell.Suppressed ? " (suppressed)" : ""),
        _ => cell.Reason ?? "not checked for this profile",
    };

    /// <summary>The anchor of the shown finding that makes a cell missing or thin, so the cell links straight to it.</summary>
    private static string? FindingBehind(FileEntry entry, CoverageCell cell, string id)
    {
        for (var i = 0; i < entry.Findings.Count; i++)
        {
            var finding = entry.Findings[i];
            var behind = cell.State switch
            {
                CoverageState.Missing => finding.Id == id,
                CoverageState.Thin => finding.Properties is { } p && p.TryGetValue(CoverageTopic.ThinProperty, out var of) && of == id,
                _ => false,
            };
            if (behind)
                return entry.FindingAnchor(i);
        }
        return null;
    }

    // ---- findings ---------------------------------------------------------------------------------------------

    private static void WriteFindings(Page page, IReadOnlyList<FileEntry> files)
    {
        page.Line("<section id=\"findings\">");
        page.Line("<h2>Findings</h2>");
        if (files.Count == 0)
        {
            page.Line("<p>No drafts were checked.</p>");
            page.Line("</section>");
            return;
        }
        // A table of contents: a reviewer with many drafts jumps to the one they own.
        page.Line("<nav aria-label=\"Drafts\"><ul class=\"toc\">");
        foreach (var entry in files)
            page.Line($"<li><a href=\"#{entry.Anchor}\"><code>{Encode(entry.File.File.DisplayPath)}</code></a> {Encode(Count(entry.Findings))}</li>");
        page.Line("</ul></nav>");

        foreach (var entry in files)
        {
            var file = entry.File;
            page.Line($"<section class=\"file\" id=\"{entry.Anchor}\">");
            page.Line($"<h3><code>{Encode(file.File.DisplayPath)}</code></h3>");
            if (file.Profile is { } profile)
                page.Line($"<p class=\"meta\">Checked as a <strong>{Encode(profile.Name)}</strong> ({Encode(profile.Reason)}).</p>");
            if (entry.Findings.Count == 0)
            {
                page.Line("<p class=\"none\">No findings.</p>");
                page.Line("</section>");
                continue;
            }
            page.Line("<table class=\"findings\">");
            page.Line("<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Finding</th></tr></thead>");
            page.Line("<tbody>");
            for (var i = 0; i < entry.Findings.Count; i++)
                WriteFinding(page, entry.Findings[i], entry.FindingAnchor(i));
            page.Line("</tbody>");
            page.Line("</table>");
            page.Line("</section>");
        }
        page.Line("</section>");
    }

    private static void WriteFinding(Page page, Finding finding, string anchor)
    {
        var descriptor = finding.Descriptor;
        var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);
        var (severityCss, severitySymbol) = finding.Severity switch
        {
            RuleSeverity.Error => ("error", "✖"),
            RuleSeverity.Warning => ("warning", "▲"),
            _ => ("info", "●"),
        };
        page.Line($"<tr id=\"{anchor}\" class=\"finding {severityCss}{(finding.IsSuppressed ? " suppressed" : "")}\">");
        page.Line($"<td class=\"line\">{finding.Line.ToString(CultureInfo.InvariantCulture)}</td>");
        page.Line($"<td class=\"sev {severityCss}\"><span aria-hidden=\"true\">{severitySymbol}</span> {Encode(finding.Severity.ToName())}</td>");
        page.Line($"<td class=\"rule\">{Link(descriptor.HelpLinkUri, Encode(finding.Id))}<br><span class=\"title\">{Encode(title)}</span></td>");
        page.Line("<td class=\"message\">");
        if (finding.Suppression is { } suppression)
        {
            var why = suppression.Justification is { Length: > 0 } reason ? ": " + Encode(reason) : " (no reason given)";
            page.Line($"<p class=\"suppression\"><strong>Suppressed</strong> ({Encode(suppression.Kind)}){why}</p>");
        }
        page.Line($"<p>{Encode(finding.Message)}</p>");
        foreach (var (line, quote) in Quotes(finding))
            page.Line($"<blockquote><span class=\"where\">Line {Encode(line)}:</span> {Encode(quote)}</blockquote>");

        page.Line($"<details><summary>About {Encode(finding.Id)}: {Encode(title)}</summary>");
        var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
        if (description.Length > 0)
            page.Line($"<p>{Encode(description)}</p>");
        if (finding.Properties is { } properties)
        {
            // What a topic or clause rule searched for tells a reviewer why it found nothing.
            if (properties.TryGetValue("searchedHeadings", out var headings) && headings.Length > 0)
                page.Line($"<p class=\"searched\"><strong>Headings looked for:</strong> {Encode(headings)}</p>");
            if (properties.TryGetValue("searchedTerms", out var terms) && terms.Length > 0)
                page.Line($"<p class=\"searched\"><strong>Words looked for:</strong> {Encode(terms)}</p>");
        }
        if (IsWebLink(descriptor.HelpLinkUri))
            page.Line($"<p>{Link(descriptor.HelpLinkUri, "Read the rule’s page")} (what it checks, examples, and how to suppress it).</p>");
        page.Line("</details>");
        page.Line("</td>");
        page.Line("</tr>");
    }

    /// <summary>
    /// The passages a finding quotes: pack rules keep up to three in the <c>mentions</c> property as
    /// "line N: sentence | line M: sentence" (PackRule.Evidence). Split only where the next "line N:" starts, so a
    /// '|' inside a sentence stays in its quote.
    /// </summary>
    internal static IEnumerable<(string Line, string Quote)> Quotes(Finding finding)
    {
        if (finding.Properties is null || !finding.Properties.TryGetValue("mentions", out var mentions) || string.IsNullOrWhiteSpace(mentions))
            yield break;
        foreach (var part in MentionSeparator().Split(mentions))
        {
            var match = MentionPattern().Match(part);
            if (match.Success)
                yield return (match.Groups[1].Value, match.Groups[2].Value);
            else
                yield return ("?", part);
        }
    }

    [GeneratedRegex(@" \| (?=line \d+: )")]
    private static partial Regex MentionSeparator();

    [GeneratedRegex(@"\Aline (\d+): (.*)\z", RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    private static string Count(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
            return "no findings";
        var suppressed = findings.Count(f => f.IsSuppressed);
        return Wording.Count(findings.Count, "finding", "findings") + (suppressed > 0 ? $", {suppressed.ToString(CultureInfo.InvariantCulture)} suppressed" : "");
    }

    // ---- HTML helpers -----------------------------------------------------------------------------------------

    /// <summary>Text for HTML content and quoted attribute values (<see cref="Escape.Html"/>).</summary>
    internal static string Encode(string text) => Escape.Html(text);

    /// <summary>Only http(s) links: a rule's help URI from a pack must never become a <c>javascript:</c> link (<see cref="Escape.WebLink"/>).</summary>
    private static bool IsWebLink(string? uri) => Escape.WebLink(uri) is not null;

    private static string Link(string? uri, string html) =>
        IsWebLink(uri) ? $"<a href=\"{Encode(uri!)}\" rel=\"noopener noreferrer\">{html}</a>" : html;

    /// <summary>Lines joined with '\n' whatever the platform, so the bytes are the same everywhere.</summary>
    private sealed class Page
    {
        private readonly StringBuilder _html = new();

        public void Line(string line) => _html.Append(line).Append('\n');

        public void Raw(string text) => _html.Append(text);

        public override string ToString() => _html.ToString();
    }

    // Light palette with dark ink: every pair passes WCAG AA contrast; print keeps the fills where the printer can.
    private const string Style = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #c4c4c4; --link: #0b4f9c;
          --covered: #cdebd0; --covered-ink: #14532d; --thin: #ffe9a8; --thin-ink: #6b4500;
          --missing: #f8c4bd; --missing-ink: #8f1111; --unchecked: #ececec; --unchecked-ink: #4a4a4a; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 90rem; padding: 1.5rem; color: var(--ink); background: #fff;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
        a { color: var(--link); }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .92em; overflow-wrap: anywhere; }
        header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
        h3 { font-size: 1.1rem; margin: 1.75rem 0 .25rem; padding-top: .5rem; border-top: 1px solid var(--rule); }
        .summary { font-size: 1.2rem; font-weight: 600; margin: .25rem 0; }
        .meta { color: var(--muted); margin: .25rem 0 .75rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        .matrix th, .matrix td { border: 1px solid var(--rule); padding: .35rem .5rem; }
        .matrix thead th { vertical-align: bottom; font-size: .78rem; font-weight: 600; width: 5rem; min-width: 5rem; padding: .3rem .2rem; text-align: center; }
        .matrix thead th.file, .matrix th.file { text-align: left; width: auto; min-width: 9rem; max-width: 20rem; padding: .3rem .5rem; }
        .matrix .id, .matrix .profile { display: block; font-weight: normal; color: var(--muted); font-size: .8rem; }
        .matrix td.cell { text-align: center; font-size: .8rem; font-weight: 600; padding: 0; line-height: 1.2; }
        .matrix td.cell a { display: block; padding: .3rem .25rem; color: inherit; text-decoration: none; }
        .matrix td.cell .sym { display: block; font-size: 1.3rem; line-height: 1.2; }
        .matrix td.cell a:hover, .matrix td.cell a:focus { outline: 3px solid var(--link); outline-offset: -3px; }
        .matrix .accepted { display: block; font-weight: normal; font-size: .75rem; }
        .matrix td.total { text-align: center; font-size: .85rem; }
        .covered { background: var(--covered); color: var(--covered-ink); }
        .thin { background: var(--thin); color: var(--thin-ink); }
        .missing { background: var(--missing); color: var(--missing-ink); }
        .unchecked { background: var(--unchecked); color: var(--unchecked-ink); font-weight: normal; }
        td.suppressed, .swatch.suppressed { background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(0,0,0,.09) 6px 8px); }
        .legend { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; }
        .swatch { display: inline-block; border: 1px solid var(--rule); padding: 0 .45em; margin-right: .3em; font-weight: 600; }
        .toc { padding-left: 1.25rem; }
        .findings { width: 100%; }
        .findings th, .findings td { border-bottom: 1px solid var(--rule); padding: .5rem; vertical-align: top; text-align: left; }
        .findings td.line { text-align: right; font-variant-numeric: tabular-nums; }
        .findings td.rule { white-space: nowrap; }
        .findings .title { color: var(--muted); font-size: .85rem; white-space: normal; }
        .findings td.message p { margin: 0 0 .4rem; }
        .sev { white-space: nowrap; font-weight: 600; }
        .sev.error { color: #9b1010; } .sev.warning { color: #7a4300; } .sev.info { color: #0b4f9c; }
        tr.suppressed td { color: var(--muted); }
        .suppression { display: inline-block; border: 1px dashed var(--muted); padding: 0 .4em; }
        blockquote { margin: .4rem 0; padding: .3rem .75rem; border-left: 4px solid var(--rule); background: #f5f5f5; white-space: pre-wrap; }
        .where { color: var(--muted); font-size: .85rem; }
        details { margin-top: .3rem; }
        summary { cursor: pointer; color: var(--link); }
        .searched { font-size: .85rem; color: var(--muted); }
        footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .scroll { overflow: visible; }
          a { color: inherit; text-decoration: none; }
          tr, blockquote { break-inside: avoid; }
        }

        """;
}
