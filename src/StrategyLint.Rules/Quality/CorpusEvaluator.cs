using System.Globalization;
using System.Text;
using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Profiles;

namespace StrategyLint.Quality;

/// <summary>
/// One check of the evaluation: a labels.json field and the rule ids whose findings mean "flagged".
/// Most fields label a good thing (covered = no flag expected); <paramref name="FlagWhenCovered"/> marks a field that labels a problem.
/// </summary>
internal sealed record QualityCheck(string Name, string LabelPath, string[] RuleIds, bool NationalOnly, bool FlagWhenCovered = false);

/// <summary>
/// Counts for one check: a "positive" is a flag (the rule fires), expected when the label says not covered. A ratio
/// with nothing to divide by is undefined (null, printed "n/a"), never a flattering 1.00: precision with no flags,
/// recall with no expected flags, F1 with neither.
/// </summary>
internal sealed record CheckScore(string Name, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
    public double? F1 => TruePositives + FalsePositives + FalseNegatives == 0 ? null : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);
    public int Documents => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
}

/// <summary>One disagreement with the labels, for the report.</summary>
internal sealed record Disagreement(string File, string Check, bool Expected, bool Flagged, string? Note, string? Evidence = null);

internal sealed record EvaluationReport(IReadOnlyList<CheckScore> Checks, CheckScore Overall, IReadOnlyList<CheckScore> ChecksWithoutBorderline, CheckScore OverallWithoutBorderline, IReadOnlyList<Disagreement> Disagreements, int Documents)
{
    /// <summary>Per language (labels.json "language"; English when absent): documents, and the checks and overall score on them.</summary>
    public IReadOnlyList<LanguageScores> Languages { get; init; } = [];
}

/// <summary>The scores on the documents of one language.</summary>
internal sealed record LanguageScores(string Language, int Documents, IReadOnlyList<CheckScore> Checks, CheckScore Overall);

/// <summary>
/// Lints every labelled document of a corpus folder (labels.json beside the drafts) and scores the "flag"
/// decisions of the domain rules against the human labels: precision, recall and F1 per check and overall,
/// with and without the fields the labellers marked borderline. Documents without front matter are linted
/// as national strategies; focus areas are judged on national strategies only.
/// </summary>
internal static class CorpusEvaluator
{
    public static readonly IReadOnlyList<QualityCheck> Checks =
    [
        new("governance", "focus_areas.governance", ["SL2001"], true),
        new("risk_management", "focus_areas.risk_management", ["SL2002"], true),
        new("preparedness_and_resilience", "focus_areas.preparedness_and_resilience", ["SL2003"], true),
        new("critical_infrastructure", "focus_areas.critical_infrastructure_and_essential_services", ["SL2004"], true),
        new("capacity_building_and_awareness", "focus_areas.capability_capacity_building_and_awareness", ["SL2005"], true),
        new("legislation_and_regulation", "focus_areas.legislation_and_regulation", ["SL2006"], true),
        new("international_cooperation", "focus_areas.international_cooperation", ["SL2007"], true),
        new("human_rights", "human_rights", ["SL3001"], false),
        new("gender", "gender", ["SL3002"], false),
        new("evaluation", "evaluation", ["SL3003", "SL3004"], false),
        new("action_plan", "action_plan", ["SL3006"], false),
        // static_ta_list labels the problem itself: covered means "has an overly static list", which SL4001 should flag.
        new("static_ta_list", "static_ta_list", ["SL4001"], false, FlagWhenCovered: true),
    ];

    public static EvaluationReport Evaluate(string corpusFolder, RuleCatalog catalog)
    {
        var labelsPath = Path.Combine(corpusFolder, "labels.json");
        using var labels = JsonDocument.Parse(File.ReadAllText(labelsPath));
        var linter = new StrategyLinter(catalog, LintConfig.Default(corpusFolder), profileFlag: null, fallbackProfile: StrategyProfiles.NationalCybersecurityStrategy);

        var tallies = Checks.ToDictionary(c => c.Name, _ => new int[4]);
        var talliesClean = Checks.ToDictionary(c => c.Name, _ => new int[4]);
        var byLanguage = new SortedDictionary<string, (int Documents, Dictionary<string, int[]> Tallies)>(StringComparer.Ordinal);
        var disagreements = new List<Disagreement>();
        var documents = 0;
        foreach (var record in labels.RootElement.EnumerateArray())
        {
            var file = record.GetProperty("file").GetString()!;
            var path = Path.Combine(corpusFolder, file);
            if (!File.Exists(path))
                continue;
            documents++;
            var language = record.TryGetProperty("language", out var lang) && lang.ValueKind == JsonValueKind.String ? lang.GetString()! : "en";
            if (!byLanguage.TryGetValue(language, out var languageTallies))
                languageTallies = (0, Checks.ToDictionary(c => c.Name, _ => new int[4]));
            byLanguage[language] = (languageTallies.Documents + 1, languageTallies.Tallies);
            var result = linter.LintFile(new InputFile(file, path));
            var fired = result.Findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var national = result.Profile?.Name == StrategyProfiles.NationalCybersecurityStrategy;
            foreach (var check in Checks)
            {
                if (check.NationalOnly && !national)
                    continue;
                var label = Field(record, check.LabelPath);
                var expected = label.GetProperty("covered").GetBoolean() == check.FlagWhenCovered;
                var flagged = check.RuleIds.Any(fired.Contains);
                var note = label.TryGetProperty("note", out var n) ? n.GetString() : null;
                var borderline = note is not null && (note.StartsWith("Borderline", StringComparison.OrdinalIgnoreCase) || note.TrimEnd('.', ' ').EndsWith("Borderline", StringComparison.OrdinalIgnoreCase));
                var slot = (expected, flagged) switch { (true, true) => 0, (false, true) => 1, (true, false) => 2, _ => 3 };
                tallies[check.Name][slot]++;
                languageTallies.Tallies[check.Name][slot]++;
                if (!borderline)
                    talliesClean[check.Name][slot]++;
                if (expected != flagged)
                    disagreements.Add(new Disagreement(file, check.Name, expected, flagged, note, flagged ? null : WhySatisfied(check, path, file)));
            }
        }

        static CheckScore Score(string name, int[] t) => new(name, t[0], t[1], t[2], t[3]);
        static CheckScore Sum(string name, IEnumerable<int[]> all) => Score(name, all.Aggregate(new int[4], (a, t) => [a[0] + t[0], a[1] + t[1], a[2] + t[2], a[3] + t[3]]));
        return new EvaluationReport(
            [.. Checks.Select(c => Score(c.Name, tallies[c.Name]))],
            Sum("overall", tallies.Values),
            [.. Checks.Select(c => Score(c.Name, talliesClean[c.Name]))],
            Sum("overall", talliesClean.Values),
            disagreements,
            documents)
        {
            Languages = [.. byLanguage.Select(l => new LanguageScores(l.Key, l.Value.Documents, [.. Checks.Select(c => Score(c.Name, l.Value.Tallies[c.Name]))], Sum("overall", l.Value.Tallies.Values)))],
        };
    }

    /// <summary>For a rule that stayed silent: the passage that satisfied it, so a reviewer can judge the disagreement.</summary>
    private static string? WhySatisfied(QualityCheck check, string path, string file)
    {
        var rule = Packs.PackLoader.FindBuiltIn(check.RuleIds[0]);
        if (rule is null)
            return null;
        var decoded = Syntax.SourceDecoder.Decode(File.ReadAllBytes(path));
        if (!decoded.Succeeded)
            return null;
        var document = Syntax.StrategyParser.Parse(file, decoded.Text!);
        IEnumerable<Text.Mention> mentions = rule.Kind switch
        {
            Packs.Kinds.RequireTopicKind => Packs.Kinds.RequireTopicKind.Evaluate(rule, document) is var c ? c.Headings.Concat(c.Counted) : [],
            Packs.Kinds.RequireClauseKind => Packs.Kinds.RequireClauseKind.Evaluate(rule, document).Near,
            _ => [],
        };
        var first = mentions.FirstOrDefault();
        return first is null ? null : $"line {document.GetLinePositionSpan(first.Span).Start.Line + 1} '{first.Value}': {Text.MentionScanner.Quote(document, first.InHeading ? first.Span : first.Sentence)}";
    }

    private static JsonElement Field(JsonElement record, string path)
    {
        foreach (var part in path.Split('.'))
            record = record.GetProperty(part);
        return record;
    }

    public static string Format(EvaluationReport report, bool listDisagreements)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Scored {report.Documents} labelled documents. A flag is a finding of the check's rule; it is right when the label says 'not covered' (for static_ta_list: when it says a static list is present).");
        text.AppendLine();
        Table(text, report.Checks, report.Overall);
        text.AppendLine();
        text.AppendLine("Without the fields the labellers marked borderline:");
        Table(text, report.ChecksWithoutBorderline, report.OverallWithoutBorderline);
        if (report.Languages.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("F1 by language (labels.json 'language'; English when absent), documents in brackets:");
            var header = string.Concat(report.Languages.Select(l => $"{$"{l.Language} ({l.Documents})",12}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"{"check",-31}{header}");
            foreach (var check in Checks.Select(c => c.Name).Append("overall"))
            {
                var cells = report.Languages.Select(l => (check == "overall" ? l.Overall : l.Checks.First(c => c.Name == check)).F1);
                text.AppendLine(CultureInfo.InvariantCulture, $"{check,-31}{string.Concat(cells.Select(f => $"{Ratio(f),12}"))}");
            }
        }
        if (listDisagreements && report.Disagreements.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Disagreements with the labels:");
            foreach (var d in report.Disagreements)
                text.AppendLine(CultureInfo.InvariantCulture, $"  {d.File}: {d.Check}: {(d.Flagged ? "flagged, label expects no flag" : "not flagged, label expects a flag")}{(d.Note is null ? "" : $" (note: {d.Note})")}{(d.Evidence is null ? "" : $"\n      satisfied by {d.Evidence}")}");
        }
        return text.ToString();
    }

    private static void Table(StringBuilder text, IReadOnlyList<CheckScore> checks, CheckScore overall)
    {
        text.AppendLine("check                            TP  FP  FN  TN  precision  recall     F1");
        foreach (var score in checks.Append(overall))
            text.AppendLine(CultureInfo.InvariantCulture, $"{score.Name,-31} {score.TruePositives,3} {score.FalsePositives,3} {score.FalseNegatives,3} {score.TrueNegatives,3}  {Ratio(score.Precision),9}  {Ratio(score.Recall),6}  {Ratio(score.F1),5}");
    }

    /// <summary>A ratio to two places, or "n/a" when it is undefined (nothing to divide by).</summary>
    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
