using Newtonsoft.Json.Linq;
using NJsonSchema;
using StrategyLint.Analysis;
using StrategyLint.Packs;

namespace StrategyLint.Tests.Packs;

/// <summary>The packs in rules/ follow the published schemas, and the tool loads exactly what is in the folder.</summary>
public sealed class ShippedPackTests
{
    private static string Rules => Path.Combine(TestPaths.RepositoryRoot, "rules");

    public static TheoryData<string> PackFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Rules, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}")).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Rules, file).Replace('\\', '/');
            if (!IsLanguageData(relative))
                data.Add(relative);
        }
        return data;
    }

    /// <summary>rules/languages/ holds per-language vocabularies the engine reads (their own schemas), not packs.</summary>
    private static bool IsLanguageData(string relative) => relative.StartsWith("languages/", StringComparison.Ordinal) || relative.Contains("/vocabulary/", StringComparison.Ordinal);

    public static TheoryData<string> CommitmentVocabularies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Rules, "languages", "commitments"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CommitmentVocabularies))]
    public async Task EveryCommitmentVocabularyFollowsItsSchemaAndIsNamedByItsLanguage(string file)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "commitment-vocabulary.schema.json"));
        var text = await File.ReadAllTextAsync(Path.Combine(Rules, "languages", "commitments", file));
        var errors = schema.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{file}({e.LineNumber},{e.LinePosition}): {e.Kind} at {e.Path}")));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), JObject.Parse(text)["language"]!.Value<string>());
        Assert.Contains(Path.GetFileNameWithoutExtension(file), StrategyLint.Text.CommitmentVocabulary.Languages());
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public async Task EveryPackFileFollowsItsSchema(string relative)
    {
        var schemaFile = relative.EndsWith("/pack.json", StringComparison.Ordinal) ? "rule-pack-manifest.schema.json" : "rule-pack.schema.json";
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", schemaFile));
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Rules, relative)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{relative}({e.LineNumber},{e.LinePosition}): {e.Kind} at {e.Path}")));
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public void RuleFileIsNamedByItsId(string relative)
    {
        if (relative.EndsWith("/pack.json", StringComparison.Ordinal))
            return;
        var id = JObject.Parse(File.ReadAllText(Path.Combine(Rules, relative)))["id"]!.Value<string>();
        Assert.Equal(Path.GetFileNameWithoutExtension(relative), id);
    }

    [Fact]
    public void TheToolLoadsEveryRuleFileOnce()
    {
        var onDisk = Directory.GetFiles(Rules, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Rules, f).Replace('\\', '/')).Where(f => !f.Contains("/tests/", StringComparison.Ordinal) && !IsLanguageData(f)).Where(f => !f.EndsWith("/pack.json", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        var loaded = PackLoader.BuiltIn.Select(r => r.Definition.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, loaded);
        Assert.All(PackLoader.BuiltIn, rule => Assert.NotNull(RuleCatalog.BuiltIn.Find(rule.Definition.Id)));
    }

    [Fact]
    public void AnUnknownKindIsRefusedWithTheFileName()
    {
        var error = Assert.Throws<InvalidDataException>(() => PackLoader.Load([
            ("house/pack.json", () => "{ \"name\": \"house\" }"),
            ("house/house.Annexes.json", () => "{ \"id\": \"house.Annexes\", \"kind\": \"require-annex\", \"title\": \"t\", \"category\": \"Custom\", \"message\": \"m\", \"description\": \"d\" }"),
        ]));
        Assert.Contains("house/house.Annexes.json", error.Message);
        Assert.Contains("'require-annex' is not a rule kind", error.Message);
    }

    [Fact]
    public void AnUnknownFieldIsRefusedWithItsPath()
    {
        var error = Assert.Throws<InvalidDataException>(() => PackLoader.Load([
            ("house/house.Annexes.json", () => "{ \"id\": \"house.Annexes\", \"kind\": \"require-clause\", \"trems\": [\"annex\"] }"),
        ]));
        Assert.Contains("trems", error.Message);
    }

    [Fact]
    public void TermsPerLanguageFollowTheFrontMatterLanguage()
    {
        var rules = PackLoader.Load([
            ("house/pack.json", () => "{ \"name\": \"house\" }"),
            ("house/house.Gender.json", () => """
                { "id": "house.Gender", "kind": "require-clause", "title": "No gender clause", "category": "Custom", "message": "No gender clause.", "description": "d",
                  "terms": { "en": ["gender"], "fr": ["genre", "femmes"] } }
                """),
        ]);
        var rule = Assert.Single(rules);
        var french = Verifiers.RuleVerifier<Verifiers.RuleVerifier.StrategyRuleStub>.Lint(rule, "---\nlanguage: fr\n---\n# Stratégie nationale\n\nLa participation des femmes sera encouragée.\n", null);
        Assert.Empty(french);
        var english = Verifiers.RuleVerifier<Verifiers.RuleVerifier.StrategyRuleStub>.Lint(rule, "---\nlanguage: en\n---\n# National strategy\n\nLa participation des femmes sera encouragée.\n", null);
        Assert.Single(english);
    }
}
