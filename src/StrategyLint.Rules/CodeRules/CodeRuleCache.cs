using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace StrategyLint.CodeRules;

/// <summary>
/// The cache of compiled C# rules. A cached image is code the next run executes, so whoever can write the cache can
/// run code in later jobs: the folder must be private to this user (created 0700; refused when it is a link, when
/// another user owns it, or when group or others may use it), and an entry is loaded only when its image has the
/// SHA-256 this tool recorded beside it when it wrote the entry, and the assembly name that entry's key gives.
/// Anything else is treated as absent: the rules are compiled again and the entry rewritten.
/// </summary>
internal sealed class CodeRuleCache
{
    private const long MaxImageBytes = 64L * 1024 * 1024;

    private readonly string _directory;

    private CodeRuleCache(string directory, string? refusal)
    {
        _directory = directory;
        Refusal = refusal;
    }

    /// <summary>Why the cache is not used, or null when it is.</summary>
    public string? Refusal { get; }

    public bool Usable => Refusal is null;

    public string PathOf(string key) => Path.Combine(_directory, key + ".dll");

    private string ManifestOf(string key) => Path.Combine(_directory, key + ".sha256");

    /// <summary>Opens (creating it private when absent) the cache folder, checking that only this user can write it.</summary>
    public static CodeRuleCache Open(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            if (!Directory.Exists(full) && !File.Exists(full))
            {
                var parent = Path.GetDirectoryName(full);
                if (parent is not null)
                    Directory.CreateDirectory(parent);
                if (OperatingSystem.IsWindows())
                    Directory.CreateDirectory(full);
                else
                    Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return new CodeRuleCache(full, WhyNotPrivate(full, directory: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CodeRuleCache(directory, $"the cache folder {directory} cannot be used ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The image of entry <paramref name="key"/>, or null when there is none or it fails a check.</summary>
    public byte[]? TryRead(string key, string assemblyName)
    {
        if (!Usable)
            return null;
        var imagePath = PathOf(key);
        var manifestPath = ManifestOf(key);
        try
        {
            if (!File.Exists(imagePath) || !File.Exists(manifestPath))
                return null;
            if (WhyNotPrivate(imagePath, directory: false) is not null || WhyNotPrivate(manifestPath, directory: false) is not null)
            {
                Delete(key);
                return null;
            }
            var manifest = File.ReadAllText(manifestPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var recorded = manifest.FirstOrDefault(l => l.StartsWith("sha256 ", StringComparison.Ordinal))?[7..].Trim();
            var recordedName = manifest.FirstOrDefault(l => l.StartsWith("assembly ", StringComparison.Ordinal))?[9..].Trim();
            if (new FileInfo(imagePath).Length > MaxImageBytes || recorded is null || recordedName != assemblyName)
                return Invalid(key);
            var image = File.ReadAllBytes(imagePath);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(image))), Encoding.ASCII.GetBytes(recorded)))
                return Invalid(key);
            if (AssemblyNameOf(image) != assemblyName)
                return Invalid(key);
            return image;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return Invalid(key);
        }
    }

    private byte[]? Invalid(string key)
    {
        Delete(key);
        return null;
    }

    /// <summary>Records an image and its SHA-256; a cache that cannot be written is simply not used (the rules still run).</summary>
    public void TryWrite(string key, byte[] image)
    {
        if (!Usable)
            return;
        var manifest = $"sha256 {Convert.ToHexStringLower(SHA256.HashData(image))}\nassembly {CodeRuleCompiler.AssemblyNameFor(key)}\n";
        try
        {
            // The image first: an entry without its manifest is never loaded.
            // A random temporary name, never through a link, never over a device. A failure leaves no usable entry
            // (read-only home, full disk): the rules still run, compiled again next time.
            if (!IO.AtomicFileWriter.Write(PathOf(key), image).Written || !IO.AtomicFileWriter.Write(ManifestOf(key), Encoding.ASCII.GetBytes(manifest)).Written)
                return;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(PathOf(key), PrivateMode);
                File.SetUnixFileMode(ManifestOf(key), PrivateMode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // As above: no cache this time.
        }
    }

    public void Delete(string key)
    {
        foreach (var path in new[] { ManifestOf(key), PathOf(key) })
        {
            try { File.Delete(path); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    internal static string? AssemblyNameOf(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        if (!pe.HasMetadata)
            return null;
        var reader = pe.GetMetadataReader();
        return reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : null;
    }

    /// <summary>Why a cache folder or file is not private to this user, or null when it is.</summary>
    internal static string? WhyNotPrivate(string path, bool directory)
    {
        FileSystemInfo info = directory ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
            return $"{path} is a symbolic link";
        if (directory ? !Directory.Exists(path) : !File.Exists(path))
            return $"{path} is not a {(directory ? "folder" : "file")}";
        if (OperatingSystem.IsWindows())
            return null;
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode OthersOrGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & OthersOrGroup) != 0)
            return $"{path} may be used by other users (mode {Convert.ToString((int)mode, 8)}; it must be 700 for the folder, 600 for its files)";
        if (IO.FileKinds.Ownership(path) is { } ownership && ownership.Owner != ownership.Current)
            return $"{path} belongs to another user (uid {ownership.Owner})";
        return null;
    }
}
