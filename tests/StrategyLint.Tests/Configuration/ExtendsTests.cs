using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Configuration;

/// <summary>The config's <c>extends</c>: folder packs and shipped packs by name, per-pack severities, clashes, and ids in <c>rules</c>.</summary>
public sealed class ExtendsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void WritePack(string folder, string name, string id, string headings = "[\"funding annex\"]")
    {
        _folder.Write($"{folder}/pack.json", $$"""{ "name": "{{name}}" }""");
        _folder.Write($"{folder}/{id}.json", $$"""
            { "id": "{{id}}", "kind": "require-topic", "title": "No funding annex", "message": "No funding annex.", "description": "d", "headings": {{headings}} }
            """);
    }

    private (LintConfig? Config, List<ConfigProblem> Problems) Load(string json) =>
        ConfigLoader.Load(_folder.Write("strategylint.json", json), "strategylint.json", RuleCatalog.BuiltIn, _folder.Path);

    [Fact]
    public void A_folder_pack_adds_its_rules_and_its_ids_can_be_configured()
    {
        WritePack("packs/house", "house", "house.Annex");
        var (config, problems) = Load("""{ "extends": ["./packs/house"], "rules": { "house.Annex": "error" } }""");
        Assert.Empty(problems);
        var descriptor = config!.Catalog!.Find("house.Annex")!;
        Assert.Equal(RuleSeverity.Error, config.SeverityOf(descriptor));
        Assert.NotNull(config.Catalog.Find("SL2001"));
    }

    [Fact]
    public void An_unknown_id_in_rules_is_still_an_error_with_extends()
    {
        WritePack("packs/house", "house", "house.Annex");
        var (_, problems) = Load("""{ "extends": ["./packs/house"], "rules": { "house.Annx": "error" } }""");
        Assert.Contains("'house.Annx' is not a rule id", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_pack_names_the_shipped_packs_and_the_folder_looked_for()
    {
        var (json, spans) = StrategyLint.Testing.FixtureMarkup.Parse("""
            {
              "extends": ["itu-focus-areas", [|"house-rules"|]]
            }
            """);
        var start = new StrategyLint.Syntax.LineMap(json).Position(Assert.Single(spans).Span.Start);
        var (_, problems) = Load(json);
        var problem = Assert.Single(problems);
        Assert.Equal((start.Line + 1, start.Character + 1, "$.extends[1]"), (problem.Line, problem.Column, problem.JsonPath));
        Assert.Contains("'house-rules' is not a pack shipped with StrategyLint (clauses, itu-focus-areas", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder.Path, "house-rules"), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_severity_applies_to_its_rules_below_a_rule_id_and_above_a_category()
    {
        var (config, problems) = Load("""
            { "extends": [{ "pack": "technical-assistance", "severity": "off" }], "rules": { "SL4002": "warning", "Assistance": "error" } }
            """);
        Assert.Empty(problems);
        Assert.Equal(RuleSeverity.Off, config!.SeverityOf(RuleCatalog.BuiltIn.Find("SL4001")!));
        Assert.Equal(RuleSeverity.Warning, config.SeverityOf(RuleCatalog.BuiltIn.Find("SL4002")!));
    }

    [Fact]
    public void A_folder_named_like_a_shipped_pack_replaces_it()
    {
        WritePack("my-clauses", "clauses", "SL3002", "[\"equal opportunities\"]");
        var (config, problems) = Load("""{ "extends": ["./my-clauses"] }""");
        Assert.Empty(problems);
        var rule = Assert.Single(config!.Catalog!.Rules.OfType<StrategyLint.Packs.PackRule>(), r => r.Pack.Name == "clauses");
        Assert.Equal("SL3002", rule.Definition.Id);
        Assert.Null(config.Catalog.Find("SL3001"));
    }

    [Fact]
    public void Two_packs_with_one_id_clash()
    {
        WritePack("a/house", "house", "house.Annex");
        WritePack("b/house", "house", "house.Annex");
        var (config, problems) = Load("""{ "extends": ["./a/house", "./b/house"] }""");
        Assert.Null(config);
        Assert.Contains("'house.Annex' of pack 'house' (b/house/house.Annex.json) is already used by pack 'house' (a/house/house.Annex.json)", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_a_pack_are_reported_in_the_pack_file()
    {
        _folder.Write("packs/house/pack.json", """{ "name": "house" }""");
        _folder.Write("packs/house/house.Annex.json", """{ "id": "house.Annex", "kind": "require-topic", "title": "t", "message": "m", "description": "d", "terms": ["/(?=a)/"] }""");
        var (config, problems) = Load("""{ "extends": ["./packs/house"] }""");
        Assert.Null(config);
        Assert.Equal("packs/house/house.Annex.json", Assert.Single(problems).File);
    }

    [Fact]
    public void The_same_pack_twice_is_refused()
    {
        var (_, problems) = Load("""{ "extends": ["clauses", "clauses"] }""");
        Assert.Contains("already in 'extends'", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
