using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Quality;

namespace StrategyLint.Tests.Quality;

/// <summary>
/// The quality of the domain rules on the labelled corpus (../shared/corpus). The goal is overall F1 of at least
/// 0.90 and no check below 0.75; the corpus grew from 18 to 52 documents (31 English strategies the rules were
/// never tuned on, 3 in French or Spanish), and on it the rules do not reach the goal yet (issue 14, "findings
/// that hold on unseen drafts", is that work). Until they do, these tests hold the line where it is: no check and
/// not the overall score may fall below the floor measured on the grown corpus, so no change makes findings worse
/// unnoticed. Each gain raises the floor. Labels are ground truth: a failure here means improve the rules.
/// </summary>
public sealed class CorpusQualityTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() => CorpusEvaluator.Evaluate(TestPaths.SharedFile("corpus"), RuleCatalog.BuiltIn));

    // F1 measured on the 52-document corpus before issue 14 (docs/quality.md), rounded down to two places.
    // Language detection (issue 14, item 1) moved two French-document decisions: legislation rose (accent-tolerant
    // matching), so its floor rose to 0.54; preparedness fell from 0.33 to 0.28 because be-css-2012 is now read as
    // French and its "ACRONYMES" annex is a glossary, where the English acronyms CERT and "Computer Emergency Response
    // Team" no longer count. That is the principle (glossary mentions never count); the draft's real commitment is
    // worded in French and needs the French SL2003 terms (helper "vocab"). Restore 0.33 once they are in.
    private static readonly Dictionary<string, double> Floors = new(StringComparer.Ordinal)
    {
        ["governance"] = 0.66, ["risk_management"] = 0.99, ["preparedness_and_resilience"] = 0.66, ["critical_infrastructure"] = 0.66,
        ["capacity_building_and_awareness"] = 0.00, ["legislation_and_regulation"] = 0.66, ["international_cooperation"] = 0.66,
        ["human_rights"] = 0.91, ["gender"] = 0.97, ["evaluation"] = 0.82, ["action_plan"] = 0.87, ["static_ta_list"] = 0.66,
    };
    // static_ta_list was 0.85: issue 14 item 6 has SL4001 count one enumeration level of topic items, not obligations.
    // The one record that changed is Borderline (un-smuggling-protocol-art14: five lettered topics under numbered
    // duties, "only five items" in its note), now under the default of eight; without Borderline fields the check
    // scores 1.00. Lowered by the plan helper with that reason; the lead decides whether the floor stays here.

    private const double OverallFloor = 0.89;

    [SharedFact("corpus/labels.json")]
    public void OverallF1DoesNotFallBelowItsFloor()
    {
        var overall = Report.Value.Overall;
        Assert.True(overall.F1 >= OverallFloor, $"overall F1 {overall.F1:0.000}, below the floor {OverallFloor} (goal 0.90)\n{CorpusEvaluator.Format(Report.Value, listDisagreements: true)}");
    }

    [SharedFact("corpus/labels.json")]
    public void NoCheckFallsBelowItsFloor()
    {
        Assert.Equal(Floors.Keys.Order(StringComparer.Ordinal), Report.Value.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        var worse = Report.Value.Checks.Where(c => (c.F1 ?? 0) < Floors[c.Name] - 1e-9).ToList();
        Assert.True(worse.Count == 0, $"below the floor: {string.Join(", ", worse.Select(c => $"{c.Name} {c.F1:0.00} < {Floors[c.Name]:0.00}"))}\n{CorpusEvaluator.Format(Report.Value, listDisagreements: true)}");
    }

    [SharedFact("corpus/labels.json")]
    public void EveryLabelledDocumentIsScoredOnEveryCheck()
    {
        using var labels = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedFile("corpus/labels.json")));
        var documents = labels.RootElement.GetArrayLength();
        var report = Report.Value;
        Assert.Equal(documents, report.Documents);
        // Clause checks are scored on every document; focus areas on national strategies only, so on fewer.
        var clause = report.Checks.First(c => c.Name == "gender");
        Assert.Equal(documents, clause.TruePositives + clause.FalsePositives + clause.FalseNegatives + clause.TrueNegatives);
        var national = report.Checks.First(c => c.Name == "governance");
        var scored = national.TruePositives + national.FalsePositives + national.FalseNegatives + national.TrueNegatives;
        Assert.InRange(scored, 1, documents - 1);
    }
}
