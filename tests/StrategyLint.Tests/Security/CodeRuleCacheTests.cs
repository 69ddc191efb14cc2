using System.Security.Cryptography;
using System.Text;
using StrategyLint.CodeRules;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.CodeRules;

namespace StrategyLint.Tests.Security;

/// <summary>
/// The compiled-rule cache cannot be planted: a swapped image, a forged manifest, a shared or linked folder, or a
/// folder another user owns is never loaded from, and the genuine rules are compiled again. In CI there is no cache
/// unless STRATEGYLINT_CACHE names one.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CodeRuleCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string CacheDirectory => Path.Combine(_folder.Path, "code-rules");


    private static string Rule(string message) => ProbeRules.Source($"c.ReportMissing(Descriptor, \"{message}\");");

    private CodeRuleResult Load(string source, string? directory = null) => ProbeRules.Load(_folder.Path, source, cacheDirectory: directory ?? CacheDirectory);

    private static string MessageOf(CodeRuleResult result)
    {
        var bytes = "# T\n"u8.ToArray();
        var linter = new StrategyLint.Linting.StrategyLinter(new StrategyLint.Analysis.RuleCatalog([Assert.Single(result.Rules)]), StrategyLint.Configuration.LintConfig.Default(Environment.CurrentDirectory));
        return Assert.Single(linter.LintFile(new StrategyLint.Linting.InputFile("d.md", null, () => bytes)).Findings).Message;
    }

    [Fact]
    public void The_cache_folder_is_created_private()
    {
        Load(Rule("genuine"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(CacheDirectory));
    }

    [Fact]
    public void A_swapped_image_is_not_loaded_and_the_genuine_rule_is_compiled_again()
    {
        var genuine = Load(Rule("genuine"));
        var planted = Load(Rule("planted"), Path.Combine(_folder.Path, "elsewhere"));
        // The attacker's image (a valid assembly) at the genuine entry's name, manifest untouched.
        File.Copy(planted.CachePath!, genuine.CachePath!, overwrite: true);
        var again = Load(Rule("genuine"));
        Assert.False(again.FromCache);
        Assert.Equal("genuine", MessageOf(again));
    }

    [Fact]
    public void A_forged_manifest_with_the_planted_images_hash_is_refused_by_the_assembly_name()
    {
        var genuine = Load(Rule("genuine"));
        var planted = Load(Rule("planted"), Path.Combine(_folder.Path, "elsewhere"));
        var image = File.ReadAllBytes(planted.CachePath!);
        File.WriteAllBytes(genuine.CachePath!, image);
        var manifest = Path.ChangeExtension(genuine.CachePath!, ".sha256");
        var name = File.ReadAllLines(manifest).Single(l => l.StartsWith("assembly ", StringComparison.Ordinal));
        File.WriteAllText(manifest, $"sha256 {Convert.ToHexStringLower(SHA256.HashData(image))}\n{name}\n");
        var again = Load(Rule("genuine"));
        Assert.False(again.FromCache);
        Assert.Equal("genuine", MessageOf(again));
    }

    [Fact]
    public void A_folder_others_can_write_is_never_read_from_nor_written_to()
    {
        if (OperatingSystem.IsWindows())
            return;
        Directory.CreateDirectory(CacheDirectory);
        File.SetUnixFileMode(CacheDirectory, (UnixFileMode)Convert.ToInt32("777", 8));
        var result = Load(Rule("genuine"));
        Assert.Null(result.CachePath);
        Assert.Contains("may be used by other users", result.CacheNote, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(CacheDirectory));
        Assert.Equal("genuine", MessageOf(result));
    }

    [Fact]
    public void A_linked_cache_folder_is_refused()
    {
        if (OperatingSystem.IsWindows())
            return;
        var real = Path.Combine(_folder.Path, "real");
        Directory.CreateDirectory(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateSymbolicLink(CacheDirectory, real);
        var result = Load(Rule("genuine"));
        Assert.Null(result.CachePath);
        Assert.Contains("symbolic link", result.CacheNote, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(real));
    }

    [Fact]
    public void A_folder_another_user_owns_is_refused()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            return; // only root can give a folder away; as another user the folder would not even be readable
        Directory.CreateDirectory(CacheDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var chown = System.Diagnostics.Process.Start("chown", ["12345", CacheDirectory])!;
        chown.WaitForExit();
        var result = Load(Rule("genuine"));
        Assert.Null(result.CachePath);
        Assert.Contains("belongs to another user", result.CacheNote, StringComparison.Ordinal);
    }

    [Fact]
    public void In_ci_there_is_no_cache_unless_a_path_is_given()
    {
        var (ci, cache) = (Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("STRATEGYLINT_CACHE"));
        try
        {
            Environment.SetEnvironmentVariable("CI", "true");
            Environment.SetEnvironmentVariable("STRATEGYLINT_CACHE", null);
            Assert.Null(CodeRuleCompiler.DefaultCacheDirectory());
            Environment.SetEnvironmentVariable("STRATEGYLINT_CACHE", _folder.Path);
            Assert.Equal(Path.Combine(_folder.Path, "code-rules"), CodeRuleCompiler.DefaultCacheDirectory());
            Environment.SetEnvironmentVariable("CI", null);
            Environment.SetEnvironmentVariable("STRATEGYLINT_CACHE", null);
            Assert.NotNull(CodeRuleCompiler.DefaultCacheDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", ci);
            Environment.SetEnvironmentVariable("STRATEGYLINT_CACHE", cache);
        }
    }
}

/// <summary>Tests that change process-wide environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
