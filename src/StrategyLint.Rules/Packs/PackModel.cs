using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyLint.Packs;

/// <summary>pack.json: a pack's name, what it is for, and the profiles it is on for.</summary>
internal sealed class PackManifest
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Profiles { get; set; } = [];
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
}

/// <summary>One rule of a pack (one JSON file). Which fields apply depends on <see cref="Kind"/>; docs/writing-rule-packs.md lists them.</summary>
internal sealed class PackRuleDefinition
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Category { get; set; } = "Custom";
    public string Severity { get; set; } = "warning";
    /// <summary>What is missing or wrong (first sentence of the finding).</summary>
    public string Message { get; set; } = "";
    /// <summary>Why it matters and the framework behind it.</summary>
    public string Description { get; set; } = "";
    /// <summary>The framework and section, e.g. "ITU NCS Guide, focus area 7".</summary>
    public string? Framework { get; set; }
    /// <summary>What would satisfy the rule.</summary>
    public string? Satisfy { get; set; }
    /// <summary>What <c>--fix</c> writes: require-topic scaffolds a section (heading and prompt text); static-list adds the text after the list.</summary>
    public PackFix? Fix { get; set; }
    /// <summary>The rule's label as a column of the coverage matrix; null keeps it out of the matrix.</summary>
    public string? Coverage { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>The page that documents the rule (an absolute URL); shipped rules link to docs/rules/ID.md.</summary>
    public string? HelpUri { get; set; }
    /// <summary>Overrides the pack's profiles for this rule.</summary>
    public List<string>? Profiles { get; set; }

    public LocalizedTerms Headings { get; set; } = new();
    public LocalizedTerms Terms { get; set; } = new();
    /// <summary>Matches overlapping these do not count ("Ministry of Justice and Equality" for an equality term).</summary>
    public LocalizedTerms Exclude { get; set; } = new();
    /// <summary>Mentions inside the proper name of an institution, law or framework ("Ministry of Justice and Equality") do not count.</summary>
    public bool IgnoreNames { get; set; }
    /// <summary>require-clause: entries "a|b + c|d": one sentence holding one term of each group counts as the clause.</summary>
    public LocalizedTerms Together { get; set; } = new();
    /// <summary>require-topic and require-clause: a mention whose sentence also holds one of these terms does not count.</summary>
    public LocalizedTerms NotWith { get; set; } = new();
    /// <summary>
    /// require-topic and require-clause: which sentences can hold a counted mention. "setsOut" (the default): commitments
    /// and statements of the strategy's arrangements; "commitments": commitments only; "any": any sentence, statistics,
    /// findings and past narrative included (for rules about what the draft reports, such as the scale of cybercrime).
    /// </summary>
    public string Sentences { get; set; } = "setsOut";
    /// <summary>require-topic and require-clause: counted mentions (outside headings) needed.</summary>
    public int MinMentions { get; set; } = 1;

    /// <summary>static-list and co-occurrence: section titles that put a list or passage in scope.</summary>
    public LocalizedTerms Sections { get; set; } = new();
    /// <summary>static-list: the smallest list reported.</summary>
    public int MinItems { get; set; } = 8;
    /// <summary>co-occurrence: the trigger terms.</summary>
    public LocalizedTerms If { get; set; } = new();
    /// <summary>co-occurrence and static-list: terms that must appear near the trigger (in the section, its parent or a linked one).</summary>
    public LocalizedTerms Then { get; set; } = new();
    /// <summary>forbid-phrase: replacement text per phrase (lower case key), or one replacement for all.</summary>
    public Dictionary<string, string> Replacements { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The text a fix writes. Inserted text uses plain Markdown; the file's own line endings are kept. <c>heading</c> and
/// <c>text</c> are the English fix (and the fallback); a key per language ("fr": { "heading", "text" }) gives the fix a
/// draft in that language gets, so a French draft is scaffolded with a French heading that its French headings match.
/// </summary>
[JsonConverter(typeof(PackFixConverter))]
internal sealed class PackFix
{
    /// <summary>require-topic: the heading of the scaffolded section; it must match one of the rule's <c>headings</c>.</summary>
    public string? Heading { get; set; }
    /// <summary>require-topic: the prompt under the heading; static-list: the review clause added after the list.</summary>
    public string Text { get; set; } = "";
    /// <summary>The fix in other languages, by language code (en, fr, es…).</summary>
    public Dictionary<string, PackFixText> ByLanguage { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fix for a language, falling back to English; a language's heading, when it gives none, is the English one.</summary>
    public PackFixText For(string? language)
    {
        var key = string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-', '_')[0];
        return ByLanguage.TryGetValue(key, out var localized) ? localized with { Heading = localized.Heading ?? Heading } : new PackFixText(Heading, Text);
    }
}

/// <summary>A fix in one language: the heading of the scaffolded section (require-topic) and the text.</summary>
internal sealed record PackFixText(string? Heading, string Text);

/// <summary>Reads a fix: "heading" and "text" (English), and one { "heading", "text" } object per other language.</summary>
internal sealed class PackFixConverter : JsonConverter<PackFix>
{
    public override PackFix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fix = new PackFix();
        foreach (var (name, value) in ReadObject(ref reader, nested: false))
        {
            switch (value)
            {
                case string text when name.Equals("heading", StringComparison.OrdinalIgnoreCase):
                    fix.Heading = text;
                    break;
                case string text when name.Equals("text", StringComparison.OrdinalIgnoreCase):
                    fix.Text = text;
                    break;
                case PackFixText localized:
                    fix.ByLanguage[name] = localized;
                    break;
                default:
                    throw new JsonException($"'fix.{name}' is not a field of a fix: use 'heading', 'text', or a language code with {{ \"heading\", \"text\" }}.");
            }
        }
        return fix;
    }

    // Property name and value: a string, or (at the top level only) a language's { "heading", "text" }.
    private static List<(string Name, object Value)> ReadObject(ref Utf8JsonReader reader, bool nested)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException(nested ? "A fix per language should be an object: { \"heading\": \"…\", \"text\": \"…\" }." : "'fix' should be an object.");
        var properties = new List<(string, object)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                properties.Add((name, reader.GetString() ?? ""));
            }
            else if (!nested && reader.TokenType == JsonTokenType.StartObject)
            {
                string? heading = null, text = null;
                foreach (var (field, value) in ReadObject(ref reader, nested: true))
                {
                    if (field.Equals("heading", StringComparison.OrdinalIgnoreCase))
                        heading = (string)value;
                    else if (field.Equals("text", StringComparison.OrdinalIgnoreCase))
                        text = (string)value;
                    else
                        throw new JsonException($"'fix.{name}.{field}' is not a field of a fix: use 'heading' and 'text'.");
                }
                properties.Add((name, new PackFixText(heading, text ?? "")));
            }
            else
            {
                throw new JsonException($"'fix.{name}' should be a string{(nested ? "" : " or an object per language")}.");
            }
        }
        return properties;
    }

    public override void Write(Utf8JsonWriter writer, PackFix value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Heading is not null)
            writer.WriteString("heading", value.Heading);
        writer.WriteString("text", value.Text);
        foreach (var (language, localized) in value.ByLanguage)
        {
            writer.WritePropertyName(language);
            writer.WriteStartObject();
            if (localized.Heading is not null)
                writer.WriteString("heading", localized.Heading);
            writer.WriteString("text", localized.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}

/// <summary>Terms given as a plain list (English) or per language: { "en": [...], "fr": [...] }.</summary>
[JsonConverter(typeof(LocalizedTermsConverter))]
internal sealed class LocalizedTerms
{
    public Dictionary<string, List<string>> ByLanguage { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => ByLanguage.Values.All(v => v.Count == 0);

    /// <summary>The terms for a language, falling back to English.</summary>
    public IReadOnlyList<string> For(string? language)
    {
        var key = string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-', '_')[0];
        return ByLanguage.TryGetValue(key, out var terms) ? terms : ByLanguage.TryGetValue("en", out var english) ? english : [];
    }
}

internal sealed class LocalizedTermsConverter : JsonConverter<LocalizedTerms>
{
    public override LocalizedTerms Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var terms = new LocalizedTerms();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            terms.ByLanguage["en"] = JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [];
            return terms;
        }
        foreach (var (language, list) in JsonSerializer.Deserialize<Dictionary<string, List<string>>>(ref reader, options) ?? [])
            terms.ByLanguage[language] = list;
        return terms;
    }

    public override void Write(Utf8JsonWriter writer, LocalizedTerms value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ByLanguage, options);
}
