using NJsonSchema;
using StrategyLint.Packs;

namespace StrategyLint.Tests.Packs;

/// <summary>The vocabularies in rules/*/vocabulary/ follow docs/vocabulary.schema.json, and every list the C# rules read exists in English, French and Spanish.</summary>
public sealed class VocabularyTests
{
    private static string Rules => Path.Combine(TestPaths.RepositoryRoot, "rules");

    // The lists each vocabulary's code reads: a list missing here, or a language missing from one, fails.
    private static readonly Dictionary<string, string[]> ListsReadByCode = new(StringComparer.Ordinal)
    {
        ["clauses/vocabulary/action-plan.json"] =
        [
            "planTitles", "actionListTitles", "titleQualifiers", "bareTitles", "annexTitles", "actionColumns", "ownerColumns", "timeColumns",
            "funding", "ownerStatements", "timeStatements", "periodTerms", "months", "deadlineLeads", "withinLeads", "timeUnits", "numberWords",
            "agencyNouns", "commitmentVerbs", "groupLinks", "separatePlan",
        ],
        ["clauses/vocabulary/evaluation-as-risk-assessment.json"] = ["riskEvaluation"],
        ["technical-assistance/vocabulary/static-list.json"] = ["obligations", "infinitives"],
    };

    public static TheoryData<string> VocabularyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Rules, "*.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}vocabulary{Path.DirectorySeparatorChar}")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Rules, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(VocabularyFiles))]
    public async Task EveryVocabularyFollowsItsSchema(string relative)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "vocabulary.schema.json"));
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Rules, relative)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{relative}({e.LineNumber},{e.LinePosition}): {e.Kind} at {e.Path}")));
    }

    [Theory]
    [MemberData(nameof(VocabularyFiles))]
    public void EveryVocabularyIsNamedByItsFileAndReadByCode(string relative)
    {
        using var stream = File.OpenRead(Path.Combine(Rules, relative));
        var file = Vocabulary.Parse(relative, stream);
        Assert.Equal(Path.GetFileNameWithoutExtension(relative), file.Name);
        Assert.True(ListsReadByCode.ContainsKey(relative), $"{relative} is read by no rule.");
    }

    [Fact]
    public void EveryListTheCodeReadsExistsInEnglishFrenchAndSpanish()
    {
        foreach (var (relative, lists) in ListsReadByCode)
        {
            var parts = relative.Split('/');
            var vocabulary = Vocabulary.Get(parts[0], Path.GetFileNameWithoutExtension(parts[2]));
            foreach (var list in lists)
            {
                foreach (var language in new[] { "en", "fr", "es" })
                {
                    Assert.True(vocabulary.File.Lists.TryGetValue(list, out var terms) && terms.ByLanguage.TryGetValue(language, out var words) && words.Count > 0,
                        $"{relative}: the list '{list}' has no '{language}' terms.");
                }
            }
        }
    }

    [Fact]
    public void AnUnknownFieldIsRefusedWithItsName()
    {
        using var stream = new MemoryStream("{ \"name\": \"x\", \"description\": \"d\", \"usedBy\": [\"SL3006\"], \"lists\": {}, \"liste\": {} }"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Parse("x.json", stream));
        Assert.Contains("liste", error.Message);
    }
}
