using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Diagnostics;
using NJsonSchema;
using Xunit.Abstractions;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Robustness;

/// <summary>
/// Generated hostile drafts (<see cref="MarkdownFuzzer"/>), linted in batches with every rule, JSON and SARIF out:
/// no crash, no hang, no rule failure (SL0004), every file accounted for, every position inside its file, no byte
/// changed, and SARIF that validates against the 2.1.0 schema every time.
/// CI runs 2,000 documents from a fixed seed. For a longer run on demand:
/// <c>STRATEGYLINT_FUZZ_DOCS=50000 STRATEGYLINT_FUZZ_SEED=7 dotnet test --filter FuzzTests</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Batch = 100;
    private static readonly TimeSpan BatchBound = TimeSpan.FromMinutes(2);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public async Task Generated_drafts_never_crash_hang_or_change_and_always_give_valid_sarif()
    {
        var documents = Setting("STRATEGYLINT_FUZZ_DOCS", 2000);
        var seed = Setting("STRATEGYLINT_FUZZ_SEED", 20261122);
        var schemaPath = TestPaths.SharedFile("schemas/sarif-schema-2.1.0.json");
        // Without ../shared the SARIF is still parsed and checked here; only the schema validation needs the file.
        var schema = File.Exists(schemaPath) ? await JsonSchema.FromFileAsync(schemaPath) : null;
        var fuzzer = new MarkdownFuzzer(seed);
        var lintTime = new Stopwatch();
        var validateTime = new Stopwatch();

        for (var start = 0; start < documents; start += Batch)
        {
            var folder = Path.Combine(_folder.Path, $"batch-{start:D6}");
            Directory.CreateDirectory(folder);
            var written = new Dictionary<string, (byte[] Hash, int Length)>();
            for (var i = start; i < Math.Min(documents, start + Batch); i++)
            {
                var bytes = fuzzer.Next();
                var name = $"doc-{i:D6}.md";
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
                written[name] = (SHA256.HashData(bytes), bytes.Length);
            }
            var where = $"seed {seed}, documents {start}-{start + written.Count - 1} (regenerate with MarkdownFuzzer({seed}))";

            lintTime.Start();
            var run = await Task.Run(() => CliRunner.Run(folder, ".", "--format", "json", "--output", "out.json", "--format", "sarif", "--output", "out.sarif"))
                .WaitAsync(BatchBound);
            lintTime.Stop();

            Assert.True(run.ExitCode is 0 or 1, $"{where}: exit {run.ExitCode}: {run.Error}");
            Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
            foreach (var (name, (hash, _)) in written)
                Assert.True(hash.AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))), $"{where}: {name} was changed");

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out.json")));
            var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToHashSet();
            Assert.True(written.Keys.All(files.Contains), $"{where}: files missing from the report: {string.Join(", ", written.Keys.Where(k => !files.Contains(k)))}");
            foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
            {
                var file = finding.GetProperty("file").GetString()!;
                Assert.True(finding.GetProperty("id").GetString() != "SL0004", $"{where}: a rule failed on {file}: {finding.GetProperty("message").GetString()}");
                var line = finding.GetProperty("line").GetInt32();
                Assert.True(line >= 1 && line <= written[file].Length + 1, $"{where}: {file} finding at line {line}, beyond the file");
            }

            var sarif = File.ReadAllText(Path.Combine(folder, "out.sarif"));
            using (JsonDocument.Parse(sarif))
            {
            }
            if (schema is not null)
            {
                validateTime.Start();
                var errors = schema.Validate(sarif);
                validateTime.Stop();
                Assert.True(errors.Count == 0, $"{where}: SARIF schema errors:\n" + string.Join("\n", errors.Take(10).Select(e => $"{e.Path}: {e.Kind}")));
            }
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"{documents} documents from seed {seed}: linting {lintTime.Elapsed.TotalSeconds:F1} s, SARIF validation {validateTime.Elapsed.TotalSeconds:F1} s.");
    }
}
