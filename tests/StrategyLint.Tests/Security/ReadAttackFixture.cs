using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Security;

/// <summary>A fact that needs symbolic links and FIFOs (Unix); skipped on Windows with the reason.</summary>
public sealed class SymlinkFactAttribute : FactAttribute
{
    public SymlinkFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "symbolic links, FIFOs and device nodes are tested on Unix only";
    }
}

/// <summary>A fact that needs a private device node (mknod, usually root); skipped, saying why, when one cannot be made.</summary>
public sealed class DeviceFactAttribute : FactAttribute
{
    public DeviceFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "device nodes are tested on Unix only";
        else if (!ReadAttackFixture.CanMakeDevices.Value)
            Skip = "mknod is not permitted here (it needs root or CAP_MKNOD), so a private device node cannot be made";
    }
}

/// <summary>
/// A checkout under attack, as a pull request can shape it: a temporary repository (a <c>.git</c> folder whose config
/// holds a secret header, as actions/checkout leaves it), a folder outside the repository holding another secret,
/// an ordinary draft that must still be linted, and a house pack whose <c>/…/</c> term matches the secret's shape, so
/// that any read of a secret would surface in a finding's message. Deleted afterwards.
/// </summary>
public sealed class ReadAttackFixture : IDisposable
{
    /// <summary>The secret in .git/config, as actions/checkout writes the token.</summary>
    public const string GitSecret = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFVA==";

    /// <summary>A secret outside the repository (another job's file, the runner's home).</summary>
    public const string OutsideSecret = "AUTHORIZATION: basic b3V0c2lkZS1zZWNyZXQtdmFsdWU=";

    /// <summary>What the ordinary draft says: the pack reports it, which proves the draft was linted and the pack ran.</summary>
    public const string Canary = "AUTHORIZATION: basic Y2FuYXJ5LWRyYWZ0";

    public const string GoodDraft = "drafts/good.md";

    public static readonly string[] Formats = ["text", "json", "sarif", "github", "markdown"];

    internal static readonly Lazy<bool> CanMakeDevices = new(() =>
    {
        if (OperatingSystem.IsWindows())
            return false;
        using var probe = new TempFolder();
        return Run("mknod", Path.Combine(probe.Path, "null"), "c", "1", "3") && File.Exists(Path.Combine(probe.Path, "null"));
    });

    private readonly TempFolder _folder = new();

    public ReadAttackFixture()
    {
        Repository = Path.Combine(_folder.Path, "repo");
        Outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(Path.Combine(Repository, ".git"));
        File.WriteAllText(Path.Combine(Repository, ".git", "config"), $"[http \"https://github.com/\"]\n\textraheader = {GitSecret}\n");
        Write("drafts/good.md", $"# National Cybersecurity Strategy\n\n## Governance\n\n#### Lead agency\n\n{Canary}\n");
        Write("packs/house/pack.json", """{ "name": "house" }""");
        Write("packs/house/house.Token.json", """
            { "id": "house.Token", "kind": "forbid-phrase", "title": "A credential", "message": "A credential is in the draft.", "description": "d", "terms": ["/AUTHORIZATION: basic [A-Za-z0-9=]+/"] }
            """);
        WriteConfig();
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.md"), $"# Outside\n\n{OutsideSecret}\n");
        File.WriteAllText(Path.Combine(Outside, "notes.txt"), $"{OutsideSecret}\n");
    }

    /// <summary>The repository (the run's working folder).</summary>
    public string Repository { get; }

    /// <summary>A folder beside the repository: outside it, as the runner's home or another checkout would be.</summary>
    public string Outside { get; }

    /// <summary>Writes a file in the repository.</summary>
    public string Write(string relative, string content)
    {
        var full = Path.Combine(Repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>The configuration: the house pack, and only the rules these tests look at.</summary>
    public void WriteConfig(string extra = "") => Write("strategylint.json", $$"""
        { "extends": ["./packs/house"], "rules": { "FocusAreas": "off", "Clauses": "off", "Principles": "off", "Assistance": "off" }{{extra}} }
        """);

    /// <summary>Makes <paramref name="relative"/> (in the repository) a symbolic link to <paramref name="target"/>, written as given.</summary>
    public string Link(string relative, string target)
    {
        var full = Path.Combine(Repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return full;
    }

    /// <summary>Makes a FIFO at <paramref name="full"/>.</summary>
    public static void MakeFifo(string full)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Assert.True(Run("mkfifo", full), "mkfifo failed");
    }

    /// <summary>Makes a private character device (major, minor) at <paramref name="full"/>: 1 3 is a null device, 1 5 an endless zero device.</summary>
    public static void MakeDevice(string full, int major, int minor)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Assert.True(Run("mknod", full, "c", major.ToString(System.Globalization.CultureInfo.InvariantCulture), minor.ToString(System.Globalization.CultureInfo.InvariantCulture)), "mknod failed");
    }

    /// <summary>Every entry below the test folder (repository and outside), with a hash of its bytes: for "nothing changed".</summary>
    public Dictionary<string, string> Snapshot()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([_folder.Path]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(_folder.Path, entry.FullName);
                if (entry.LinkTarget is { } target)
                    result[relative] = "link:" + target;
                else if (entry is DirectoryInfo)
                    pending.Push(entry.FullName);
                else if (new FileInfo(entry.FullName).Length > 0)
                    result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
                else
                    // Never opened: FIFOs and devices report no bytes, and opening a FIFO would block the test.
                    result[relative] = "empty";
            }
        }
        return result;
    }

    /// <summary>Runs the CLI in the repository, in bounded time: the test's own timeout stops a hang.</summary>
    public CliRun Lint(params string[] args) => CliRunner.Run(Repository, args);

    /// <summary>Neither secret, nor any part of one that a split could leave, appears in the run's output.</summary>
    public static void AssertNoSecret(CliRun run, string format)
    {
        foreach (var secret in new[] { GitSecret, OutsideSecret })
        {
            var token = secret["AUTHORIZATION: basic ".Length..];
            foreach (var piece in new[] { token, token[..12], token[^12..], Encoding.UTF8.GetString(Convert.FromBase64String(token)) })
            {
                Assert.False(run.Out.Contains(piece, StringComparison.Ordinal), $"{format}: standard output holds '{piece}'");
                Assert.False(run.Error.Contains(piece, StringComparison.Ordinal), $"{format}: standard error holds '{piece}'");
            }
        }
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The ordinary draft was read and linted: the pack's finding quotes its canary, in every format.</summary>
    public static void AssertGoodDraftLinted(CliRun run, string format)
    {
        Assert.True(run.Out.Contains("Y2FuYXJ5LWRyYWZ0", StringComparison.Ordinal), $"{format}: the ordinary draft's finding is missing:\n{run.Out}\n{run.Error}");
        Assert.Contains(GoodDraft, run.Out, StringComparison.Ordinal);
    }

    /// <summary>The JSON report's findings: (file, id, message).</summary>
    public static List<(string File, string Id, string Message)> Findings(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("id").GetString()!, f.GetProperty("message").GetString()!))];
    }

    /// <summary>Exactly one finding on <paramref name="file"/>, with <paramref name="id"/>; returns its message.</summary>
    public static string SingleFindingOn(CliRun run, string file, string id)
    {
        var findings = Findings(run).Where(f => f.File == file).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(id, finding.Id);
        return finding.Message;
    }

    public void Dispose() => _folder.Dispose();

    private static bool Run(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
