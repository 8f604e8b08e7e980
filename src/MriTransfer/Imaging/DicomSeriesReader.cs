using System.ComponentModel;
using System.Diagnostics;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>
/// Reads a DICOM series (a folder of slices) by converting it with dcm2niix into a temporary folder and
/// reading the resulting NIfTI. The folder must hold one series.
/// </summary>
public static class DicomSeriesReader
{
    public const string InstallHint = "install it with: apt-get install dcm2niix (Debian/Ubuntu package dcm2niix)";

    public static VolumeFile Read(string folder, VolumeReadOptions? options = null) => Read(folder, options, "dcm2niix");

    /// <param name="converter">the dcm2niix executable (name on PATH or path); tests pass a missing one.</param>
    internal static VolumeFile Read(string folder, VolumeReadOptions? options, string converter)
    {
        var temp = Path.Combine(Path.GetTempPath(), "mritransfer-dcm2niix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            var (exitCode, output) = Run(converter, folder, temp);
            var converted = Directory.GetFiles(temp, "*.nii").Order(StringComparer.Ordinal).ToList();
            if (exitCode != 0 && converted.Count == 0)
                throw new ImageReadException(folder, $"dcm2niix could not convert this folder (exit code {exitCode}): {LastLines(output)}");
            if (converted.Count == 0) throw new ImageReadException(folder, "no DICOM image series found in this folder (dcm2niix converted nothing)");
            if (converted.Count > 1)
                throw new ImageReadException(folder, $"folder holds {converted.Count} series ({string.Join(", ", converted.Select(Path.GetFileName))}); put each series in its own folder");
            var file = NiftiReader.Read(converted[0], options);
            return file with { Info = file.Info with { Format = "DICOM (dcm2niix)" } };
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string converter, string folder, string outputFolder)
    {
        var start = new ProcessStartInfo(converter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-z", "n", "-b", "n", "-f", "series_%s", "-o", outputFolder, folder }) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (Win32Exception e)
        {
            throw new ImageReadException(folder, $"reading DICOM needs the dcm2niix program, which was not found ({converter}) ({e.Message}); {InstallHint}", e);
        }
    }

    private static string LastLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3)).Trim();
}
