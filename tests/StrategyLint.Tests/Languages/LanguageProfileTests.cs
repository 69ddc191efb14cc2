using NJsonSchema;
using StrategyLint.Languages;

namespace StrategyLint.Tests.Languages;

/// <summary>The language profiles in rules/languages/ follow their schema, load, and hold what the code relies on.</summary>
public sealed class LanguageProfileTests
{
    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "rules", "languages");

    public static TheoryData<string> ProfileFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ProfileFiles))]
    public async Task EveryProfileFollowsTheSchema(string file)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "language-profile.schema.json"));
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Folder, file)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{file}({e.LineNumber},{e.LinePosition}): {e.Kind} at {e.Path}")));
    }

    [Fact]
    public async Task The_schema_refuses_a_full_profile_without_its_lists_and_an_unknown_key()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "language-profile.schema.json"));
        var stopWords = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"\"w{i}\""));

        Assert.NotEmpty(schema.Validate($$"""{ "code": "xx", "name": "X", "domainRules": true, "stopWords": [{{stopWords}}] }"""));
        Assert.NotEmpty(schema.Validate($$"""{ "code": "xx", "name": "X", "domainRules": false, "stopWords": [{{stopWords}}], "stopwords": [] }"""));
        Assert.Empty(schema.Validate($$"""{ "code": "xx", "name": "X", "domainRules": false, "stopWords": [{{stopWords}}] }"""));
    }

    [Fact]
    public void The_tool_loads_every_profile_english_first()
    {
        var onDisk = Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(onDisk, LanguageProfile.All.Select(p => p.Code).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("en", LanguageProfile.All[0].Code);
        Assert.Equal(["en", "es", "fr"], LanguageProfile.All.Where(p => p.DomainRules).Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal("English, French and Spanish", LanguageProfile.SupportedNames);
        Assert.All(["de", "pt", "it"], code => Assert.False(LanguageProfile.Find(code)!.DomainRules));
    }

    [Fact]
    public void Loading_refuses_a_misnamed_file_an_unknown_key_and_a_full_profile_without_lists()
    {
        const string English = """{ "code": "en", "name": "English", "domainRules": true, "stopWords": ["the"], "negations": ["no"], "backgroundTitles": ["context"], "glossaryTitles": ["glossary"], "institutionNouns": ["Act"], "nameConnectors": ["of"] }""";

        Assert.Single(LanguageProfile.Load([("en.json", English)]));
        Assert.Contains("named after its code", Assert.Throws<InvalidDataException>(() => LanguageProfile.Load([("english.json", English)])).Message, StringComparison.Ordinal);
        Assert.Contains("stopwords", Assert.Throws<InvalidDataException>(() => LanguageProfile.Load([("en.json", English.Replace("\"stopWords\"", "\"stopwords\"", StringComparison.Ordinal))])).Message, StringComparison.Ordinal);
        Assert.Contains("needs negations", Assert.Throws<InvalidDataException>(() => LanguageProfile.Load([("en.json", English.Replace("\"negations\": [\"no\"], ", "", StringComparison.Ordinal))])).Message, StringComparison.Ordinal);
        Assert.Contains("no full English profile", Assert.Throws<InvalidDataException>(() => LanguageProfile.Load([("en.json", English.Replace("true", "false", StringComparison.Ordinal))])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_lists_are_the_ones_the_code_used_to_hold()
    {
        var english = LanguageProfile.English;

        Assert.Equal(["no", "not", "without", "lack", "lacks", "lacking", "absence", "neither", "nor", "none", "never", "nothing"], english.Negations.Words);
        Assert.Equal(["of", "for", "and", "the", "on", "in", "to", "&"], english.NameConnectors.Words);
        Assert.Contains("Ministry", english.InstitutionNouns.Words);
        Assert.True(english.InstitutionNouns.Contains("Ministry"));
        Assert.False(english.InstitutionNouns.Contains("ministry"));
    }

    [Fact]
    public void Institution_nouns_keep_their_case_but_not_their_accents_and_elided_names_continue()
    {
        var french = LanguageProfile.Find("fr")!;

        Assert.True(french.IsInstitutionNoun("Ministère"));
        Assert.True(french.IsInstitutionNoun("Ministere"));
        Assert.True(french.IsInstitutionNoun("l'Agence"));
        Assert.True(french.IsInstitutionNoun("l’Agence"));
        Assert.False(french.IsInstitutionNoun("ministère"));
        Assert.True(french.IsNameConnector("d'Information"));
        Assert.True(french.IsNameConnector("de"));
        Assert.False(french.IsNameConnector("d'information"));
        Assert.False(french.IsNameConnector("De"));
    }
}
