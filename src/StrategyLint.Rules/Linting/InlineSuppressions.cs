using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Rules.Tool;
using StrategyLint.Syntax;

namespace StrategyLint.Linting;

/// <summary>
/// Inline suppressions in HTML comments, the form markdownlint users know:
/// <c>&lt;!-- strategylint-disable SL2004 -- reason --&gt;</c> … <c>&lt;!-- strategylint-enable SL2004 --&gt;</c>,
/// <c>strategylint-disable-next-line</c> and <c>strategylint-disable-file</c>. Ids may be rule ids or categories,
/// separated by spaces or commas; none means every rule. Only comments in HTML count, so an example inside a
/// code block suppresses nothing. Problems with the comments themselves are SL0003.
/// </summary>
internal static partial class InlineSuppressions
{
    private enum Kind { Disable, Enable, NextLine, File }

    private sealed record Directive(Kind Kind, string Name, TextSpan Span, int EndLine, List<(string Id, TextSpan Span)> Ids, string? Reason)
    {
        // Which of its ids (or "*" for all) suppressed at least one finding.
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Covers(Finding finding) => Ids.Count == 0 || Ids.Any(i => Matches(i.Id, finding));

        public void MarkUsed(Finding finding)
        {
            if (Ids.Count == 0)
                Used.Add("*");
            foreach (var (id, _) in Ids.Where(i => Matches(i.Id, finding)))
                Used.Add(id);
        }

        private static bool Matches(string id, Finding finding) =>
            string.Equals(id, finding.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(id, finding.Descriptor.Category, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Marks the findings the document's comments suppress (kind <c>inSource</c>, with the reason), and adds SL0003
    /// for comments that name unknown rules, suppress nothing, or lack a required reason.
    /// </summary>
    public static List<Finding> Apply(StrategyDocument document, List<Finding> findings, RuleCatalog catalog, bool requireReason, RuleSeverity sl0003)
    {
        var problems = new List<(TextSpan Span, string Message)>();
        var directives = Parse(document, catalog, requireReason, problems);
        if (directives.Count == 0 && problems.Count == 0)
            return findings;

        var result = new List<Finding>(findings.Count + problems.Count);
        foreach (var finding in findings)
        {
            var by = finding.Id == SL0003InvalidSuppression.Rule.Id ? null : SuppressedBy(directives, finding, document);
            if (by is null)
            {
                result.Add(finding);
                continue;
            }
            by.MarkUsed(finding);
            result.Add(finding with { Suppression = new FindingSuppression(FindingSuppression.InSource, by.Reason) });
        }

        foreach (var directive in directives.Where(d => d.Kind != Kind.Enable))
        {
            if (directive.Ids.Count == 0 && directive.Used.Count == 0)
                problems.Add((directive.Span, $"This {directive.Name} comment suppresses nothing: no finding is in its range. Remove it, so it cannot hide a future finding unnoticed."));
            foreach (var (id, span) in directive.Ids.Where(i => catalog.Find(i.Id) is not null || catalog.IsCategory(i.Id)).Where(i => !directive.Used.Contains(i.Id)))
                problems.Add((span, $"This {directive.Name} of {id} suppresses nothing: no {id} finding is in its range. Remove it, so it cannot hide a future finding unnoticed."));
        }

        if (sl0003 != RuleSeverity.Off)
        {
            foreach (var (span, message) in problems)
                result.Add(new Finding(SL0003InvalidSuppression.Rule, document.Path, span, document.GetLinePositionSpan(span), message, sl0003));
        }
        result.Sort(Finding.Compare);
        return result;
    }

    private static Directive? SuppressedBy(List<Directive> directives, Finding finding, StrategyDocument document)
    {
        foreach (var directive in directives)
        {
            if (directive.Kind == Kind.File && directive.Covers(finding))
                return directive;
            if (directive.Kind == Kind.NextLine && finding.Line == directive.EndLine + 1 && directive.Covers(finding))
                return directive;
        }

        // The latest disable before the finding that covers it, unless an enable covering it came after that disable.
        Directive? open = null;
        foreach (var directive in directives.Where(d => d.Kind is Kind.Disable or Kind.Enable))
        {
            if (directive.Span.Start > finding.Span.Start)
                break;
            if (!directive.Covers(finding))
                continue;
            open = directive.Kind == Kind.Disable ? directive : null;
        }
        return open;
    }

    private static List<Directive> Parse(StrategyDocument document, RuleCatalog catalog, bool requireReason, List<(TextSpan, string)> problems)
    {
        var directives = new List<Directive>();
        var text = document.Text;
        if (!text.Contains("strategylint-", StringComparison.OrdinalIgnoreCase))
            return directives;

        var disabled = 0;
        // Searched only inside HTML, so an unclosed "<!--" in a code span cannot swallow the real comment after it.
        var matches = new List<(int Offset, Match Match)>();
        try
        {
            foreach (var html in document.HtmlSpans)
            {
                var piece = text.Substring(html.Start, html.Length);
                if (piece.Contains("strategylint-", StringComparison.OrdinalIgnoreCase))
                    matches.AddRange(Comment().Matches(piece).Select(m => (html.Start, m)));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            problems.Add((document.AnchorSpan, "The suppression comments of this document could not be read within a second (it is very large or has unclosed comments), so none of them was applied."));
            return directives;
        }
        foreach (var (offset, match) in matches)
        {
            var span = new TextSpan(offset + match.Index, match.Length);
            var name = match.Groups["kind"].Value;
            var kind = name.ToLowerInvariant() switch
            {
                "strategylint-disable" => Kind.Disable,
                "strategylint-enable" => Kind.Enable,
                "strategylint-disable-next-line" => Kind.NextLine,
                "strategylint-disable-file" => Kind.File,
                _ => (Kind?)null,
            };
            if (kind is null)
            {
                problems.Add((new TextSpan(offset + match.Groups["kind"].Index, name.Length), $"'{name}' is not a suppression StrategyLint knows, so it suppresses nothing. Use strategylint-disable, strategylint-enable, strategylint-disable-next-line or strategylint-disable-file."));
                continue;
            }

            // "SL2004, SL3005 -- reason": the ids, then an optional reason after a double dash.
            var body = match.Groups["body"];
            var separator = body.Value.IndexOf("--", StringComparison.Ordinal);
            var idsText = separator < 0 ? body.Value : body.Value[..separator];
            var reason = separator < 0 ? null : body.Value[(separator + 2)..].Trim();
            var ids = new List<(string, TextSpan)>();
            foreach (Match id in IdToken().Matches(idsText))
            {
                var idSpan = new TextSpan(offset + body.Index + id.Index, id.Length);
                if (catalog.Find(id.Value) is null && !catalog.IsCategory(id.Value))
                    problems.Add((idSpan, $"'{id.Value}' in this suppression comment is not a rule id or category StrategyLint knows, so it suppresses nothing.{Suggestion(id.Value, catalog)} Run 'strategylint rules' to list them."));
                ids.Add((id.Value, idSpan));
            }

            if (kind != Kind.Enable && requireReason && string.IsNullOrEmpty(reason))
            {
                problems.Add((span, $"This {name} comment has no reason, and the configuration requires one (suppressions.requireReason), so it suppresses nothing. Add the reason after '--', for example <!-- {name} {(ids.Count > 0 ? ids[0].Item1 + " " : "")}-- why the team accepts this -->."));
                continue;
            }
            if (kind == Kind.Disable)
                disabled++;
            else if (kind == Kind.Enable && disabled == 0)
                problems.Add((span, "This strategylint-enable has no strategylint-disable before it, so it does nothing. Remove it, or add the disable it was meant to close."));

            var endLine = document.GetLinePositionSpan(new TextSpan(Math.Max(span.Start, span.End - 1), 0)).Start.Line + 1;
            directives.Add(new Directive(kind.Value, name, span, endLine, ids, string.IsNullOrEmpty(reason) ? null : reason));
        }
        return directives;
    }

    private static string Suggestion(string id, RuleCatalog catalog)
    {
        var near = catalog.Descriptors.Select(d => d.Id)
            .Where(x => x.Length == id.Length && x.Zip(id.ToUpperInvariant()).Count(p => p.First != p.Second) == 1)
            .ToList();
        return near.Count > 0 ? $" Did you mean {string.Join(" or ", near)}?" : "";
    }

    [GeneratedRegex(@"<!--\s*(?<kind>strategylint-[a-z-]+)(?<body>.*?)-->", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"[^\s,]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdToken();
}
