using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Verifiers;

/// <summary>
/// Runs one rule over marked-up Markdown, with LF and again with CRLF line endings, and asserts that the
/// findings are exactly the marked spans (id and span). Fails if the rule throws or reports outside the text.
/// </summary>
public static class RuleVerifier<TRule> where TRule : StrategyRule, new()
{
    public static void Verify(string markup)
    {
        foreach (var newline in new[] { "\n", "\r\n" })
            VerifyWith(markup.ReplaceLineEndings(newline), newline);
    }

    /// <summary>Lints unmarked text with only this rule and returns the findings (LF only).</summary>
    internal static List<Finding> Run(string text) => Lint(new TRule(), text);

    private static void VerifyWith(string markup, string newline)
    {
        var rule = new TRule();
        var (text, expected) = TestMarkup.Parse(markup);
        var defaultId = rule.SupportedDiagnostics.Single().Id;
        var findings = Lint(rule, text);

        Assert.DoesNotContain(findings, f => f.Id == "SL0004");
        var expectedSet = expected.Select(e => $"{e.Id ?? defaultId} {Describe(text, e.Span)}").Order(StringComparer.Ordinal).ToList();
        var actualSet = findings.Select(f => $"{f.Id} {Describe(text, f.Span)}").Order(StringComparer.Ordinal).ToList();
        var label = newline == "\n" ? "LF" : "CRLF";
        Assert.True(expectedSet.SequenceEqual(actualSet),
            $"[{label}] expected:\n  {string.Join("\n  ", expectedSet)}\nactual:\n  {string.Join("\n  ", actualSet)}\nmessages:\n  {string.Join("\n  ", findings.Select(f => f.ToString()))}");
        foreach (var finding in findings)
        {
            Assert.True(finding.Span.End <= text.Length, $"[{label}] {finding.Id} reported outside the text.");
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        }
    }

    private static List<Finding> Lint(StrategyRule rule, string text)
    {
        var catalog = new RuleCatalog([rule]);
        var linter = new StrategyLinter(catalog, LintConfig.Default(Environment.CurrentDirectory));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. linter.LintFile(new InputFile("test.md", null, () => bytes)).Findings];
    }

    private static string Describe(string text, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        $"{span} '{text.Substring(span.Start, span.Length).ReplaceLineEndings("⏎")}'";
}
