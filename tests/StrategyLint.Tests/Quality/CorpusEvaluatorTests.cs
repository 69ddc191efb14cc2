using StrategyLint.Analysis;
using StrategyLint.Quality;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Quality;

/// <summary>
/// The evaluator's arithmetic and breakdowns: an undefined ratio is "n/a", never 1.00; scores are given per language
/// (labels.json "language", English when absent).
/// </summary>
public sealed class CorpusEvaluatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_ratio_with_nothing_to_divide_by_is_undefined_not_perfect()
    {
        var silent = new CheckScore("x", 0, 0, 0, 5);
        Assert.Null(silent.Precision);
        Assert.Null(silent.Recall);
        Assert.Null(silent.F1);

        var onlyWrongFlags = new CheckScore("x", 0, 2, 0, 3);
        Assert.Equal(0, onlyWrongFlags.Precision);
        Assert.Null(onlyWrongFlags.Recall);
        Assert.Equal(0, onlyWrongFlags.F1);

        var mixed = new CheckScore("x", 3, 1, 2, 4);
        Assert.Equal(0.75, mixed.Precision!.Value, 6);
        Assert.Equal(0.6, mixed.Recall!.Value, 6);
        Assert.Equal(2.0 * 3 / (6 + 1 + 2), mixed.F1!.Value, 6);
    }

    private static string Label(string file, string? language, bool gender) => $$"""
        {
          "file": "{{file}}",{{(language is null ? "" : $"\n  \"language\": \"{language}\",")}}
          "focus_areas": {
            "governance": { "covered": true }, "risk_management": { "covered": true }, "preparedness_and_resilience": { "covered": true },
            "critical_infrastructure_and_essential_services": { "covered": true }, "capability_capacity_building_and_awareness": { "covered": true },
            "legislation_and_regulation": { "covered": true }, "international_cooperation": { "covered": true }
          },
          "human_rights": { "covered": true }, "gender": { "covered": {{(gender ? "true" : "false")}} }, "evaluation": { "covered": true },
          "action_plan": { "covered": true }, "static_ta_list": { "covered": false }
        }
        """;

    [Fact]
    public void Scores_are_given_per_language_and_the_report_says_n_a_where_a_ratio_is_undefined()
    {
        _folder.Write("a.md", "# National Cybersecurity Strategy\n\nWomen and men will have equal access to training.\n");
        _folder.Write("b.md", "# Stratégie nationale de cybersécurité\n\nLe texte.\n");
        _folder.Write("c.md", "# Strategy\n\nText.\n");
        _folder.Write("labels.json", $"[{Label("a.md", null, gender: true)}, {Label("b.md", "fr", gender: false)}, {Label("c.md", null, gender: false)}]");

        var report = CorpusEvaluator.Evaluate(_folder.Path, RuleCatalog.BuiltIn);

        Assert.Equal(3, report.Documents);
        Assert.Equal(["en", "fr"], report.Languages.Select(l => l.Language));
        Assert.Equal([2, 1], report.Languages.Select(l => l.Documents));
        Assert.All(report.Languages, l => Assert.Equal(l.Documents, l.Checks.First(c => c.Name == "gender").Documents));
        var text = CorpusEvaluator.Format(report, listDisagreements: false);
        Assert.Contains("F1 by language", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\s*check\s+en \(2\)\s+fr \(1\)\n", text);
        // static_ta_list: no list labelled and none flagged here, so its recall and F1 have nothing to divide by.
        Assert.Matches(@"static_ta_list\s+0\s+0\s+0\s+3\s+n/a\s+n/a\s+n/a", text);
    }
}
