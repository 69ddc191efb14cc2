using System.Text;
using Newtonsoft.Json.Linq;
using StrategyLint.Packs;

namespace StrategyLint.Tests.Docs;

/// <summary>
/// The field reference in docs/writing-rule-packs.md is generated from the published schema and from the kinds'
/// field table the loader enforces, so the page cannot drift from the tool. Run with STRATEGYLINT_UPDATE_DOCS=1 to
/// rewrite the generated block.
/// </summary>
public sealed class RulePackReferenceTests
{
    private const string Begin = "<!-- generated: rule fields (tests/StrategyLint.Tests/Docs/RulePackReferenceTests.cs) -->";
    private const string End = "<!-- end generated -->";

    [Fact]
    public void The_field_reference_matches_the_schema()
    {
        var page = Path.Combine(TestPaths.RepositoryRoot, "docs", "writing-rule-packs.md");
        var text = File.ReadAllText(page).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/writing-rule-packs.md needs the markers {Begin} and {End}");
        var expected = Begin + "\n\n" + Generate() + "\n" + End;
        var actual = text[start..(end + End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("STRATEGYLINT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(page, text[..start] + expected + text[(end + End.Length)..]);
            return;
        }
        Assert.True(actual == expected, "The field reference is out of date: run the tests with STRATEGYLINT_UPDATE_DOCS=1 to regenerate it.");
    }

    internal static string Generate()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "rule-pack.schema.json")));
        var required = schema["required"]!.Values<string>().ToHashSet();
        var builder = new StringBuilder();
        builder.Append("| Field | Kinds | Type | Required | What it does |\n| --- | --- | --- | --- | --- |\n");
        foreach (var property in ((JObject)schema["properties"]!).Properties().Where(p => p.Name != "$schema"))
        {
            var kinds = PackFolder.FieldsByKind.Where(k => k.Value.Contains(property.Name)).Select(k => $"`{k.Key}`").ToList();
            var kindText = kinds.Count == 0 ? "all" : string.Join(", ", kinds);
            builder.Append($"| `{property.Name}` | {kindText} | {TypeOf(property.Value, schema)} | {(required.Contains(property.Name) ? "yes" : "no")} | {Escape(property.Value["description"]?.Value<string>() ?? "")} |\n");
        }
        return builder.ToString();
    }

    private static string TypeOf(JToken definition, JObject schema)
    {
        if (definition["$ref"]?.Value<string>() is { } reference)
            return reference.EndsWith("/terms", StringComparison.Ordinal) ? "terms (list, or lists per language)" : reference.EndsWith("/profile", StringComparison.Ordinal) ? "profile" : reference;
        if (definition["enum"] is JArray values)
            return string.Join(" \\| ", values.Select(v => $"`{v}`"));
        return definition["type"]?.Value<string>() switch
        {
            "array" when definition["items"]?["$ref"] is not null => "list of profiles",
            "array" => "list of strings",
            "object" when definition["properties"] is JObject props => "object (" + string.Join(", ", props.Properties().Select(p => p.Name)) + ")",
            "object" => "object of strings",
            { } type => type,
            null => "",
        };
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
