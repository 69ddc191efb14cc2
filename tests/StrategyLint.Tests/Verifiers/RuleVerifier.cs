using StrategyLint.Testing;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Verifiers;

/// <summary>Verifies built-in rules by id: C# rules and the rules of the shipped packs alike.</summary>
public static class RuleVerifier
{
    /// <summary>
    /// Runs the built-in rule <paramref name="id"/> alone over marked-up Markdown (LF, then CRLF) and asserts the findings
    /// are exactly the marked spans. The document is linted as <paramref name="profile"/>, by default the first profile the rule is on for.
    /// </summary>
    public static void Verify(string id, string markup, string? profile = null)
    {
        var rule = Find(id);
        profile ??= rule.Profiles?.FirstOrDefault() ?? StrategyLint.Profiles.StrategyProfiles.NationalCybersecurityStrategy;
        foreach (var newline in new[] { "\n", "\r\n" })
            RuleVerifier<StrategyRuleStub>.VerifyWith(rule, markup.ReplaceLineEndings(newline), newline, profile);
    }

    /// <summary>Lints unmarked text with only the rule <paramref name="id"/> and returns its findings.</summary>
    internal static List<Finding> Run(string id, string text, string? profile = null)
    {
        var rule = Find(id);
        profile ??= rule.Profiles?.FirstOrDefault() ?? StrategyLint.Profiles.StrategyProfiles.NationalCybersecurityStrategy;
        return RuleVerifier<StrategyRuleStub>.Lint(rule, text, profile);
    }

    private static StrategyRule Find(string id) =>
        RuleCatalog.BuiltIn.Rules.Single(r => r.SupportedDiagnostics.Any(d => d.Id == id));

    /// <summary>Only a type argument: the generic verifier's helpers are reused with a rule instance.</summary>
    public sealed class StrategyRuleStub : StrategyRule
    {
        public override System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(StrategyAnalysisContext context)
        {
        }
    }
}

/// <summary>
/// Runs one rule over marked-up Markdown, with LF and again with CRLF line endings, and asserts that the
/// findings are exactly the marked spans (id and span). Fails if the rule throws or reports outside the text.
/// </summary>
public static class RuleVerifier<TRule> where TRule : StrategyRule, new()
{
    public static void Verify(string markup)
    {
        foreach (var newline in new[] { "\n", "\r\n" })
            VerifyWith(new TRule(), markup.ReplaceLineEndings(newline), newline, profile: null);
    }

    /// <summary>Lints unmarked text with only this rule and returns the findings (LF only).</summary>
    internal static List<Finding> Run(string text) => Lint(new TRule(), text, profile: null);

    internal static void VerifyWith(StrategyRule rule, string markup, string newline, string? profile)
    {
        var (text, expected) = FixtureMarkup.Parse(markup);
        var defaultId = rule.SupportedDiagnostics.Single().Id;
        var findings = Lint(rule, text, profile);

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

    internal static List<Finding> Lint(StrategyRule rule, string text, string? profile)
    {
        var catalog = new RuleCatalog([rule]);
        var linter = new StrategyLinter(catalog, LintConfig.Default(Environment.CurrentDirectory), profile);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. linter.LintFile(new InputFile("test.md", null, () => bytes)).Findings];
    }

    private static string Describe(string text, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        $"{span} '{text.Substring(span.Start, span.Length).ReplaceLineEndings("⏎")}'";
}
