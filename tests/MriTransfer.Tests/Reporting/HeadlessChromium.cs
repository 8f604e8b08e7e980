using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MriTransfer.Tests.Reporting;

/// <summary>
/// Loads an HTML file in headless Chromium with a small script that marks every &lt;img&gt; as decoded (naturalWidth &gt; 0)
/// or not, and returns the marks from the dumped DOM. Fails (never skips) when Chromium is not installed.
/// </summary>
public static class HeadlessChromium
{
    private const string MarkImages =
        "<script>window.addEventListener('load', () => { for (const img of document.images) " +
        "img.setAttribute('data-decoded', img.complete && img.naturalWidth > 0 ? 'yes' : 'no'); " +
        "document.body.setAttribute('data-checked', 'done'); });</script>";

    public static IReadOnlyList<string> ImageDecodeMarks(string htmlPath)
    {
        var browser = Find() ?? throw new Xunit.Sdk.XunitException(
            "chromium was not found on PATH; the report rendering test needs it: run `apt-get install -y chromium` (the CI script installs it)");
        var work = Directory.CreateTempSubdirectory("mt-chromium-");
        try
        {
            var checkedHtml = Path.Combine(work.FullName, "checked.html");
            File.WriteAllText(checkedHtml, File.ReadAllText(htmlPath).Replace("</body>", MarkImages + "</body>"));
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                "--virtual-time-budget=5000", "--dump-dom", new Uri(checkedHtml).AbsoluteUri,
            })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("chromium did not finish within 90 s");
            }
            if (!dom.Result.Contains("data-checked=\"done\""))
                throw new Xunit.Sdk.XunitException($"chromium did not run the page's load handler (exit {process.ExitCode}): {stderr.Result}");
            return Regex.Matches(dom.Result, "data-decoded=\"(yes|no)\"").Select(m => m.Groups[1].Value).ToList();
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string? Find() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
