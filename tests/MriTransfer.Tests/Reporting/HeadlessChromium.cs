using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MriTransfer.Tests.Reporting;

/// <summary>
/// Loads an HTML file in headless Chromium with a small script added that runs when the page has loaded, and returns
/// what the script reported from the dumped DOM. Fails (never skips) when Chromium is not installed.
/// </summary>
public static class HeadlessChromium
{
    private const string MarkImages =
        "<script>window.addEventListener('load', () => { for (const img of document.images) " +
        "img.setAttribute('data-decoded', img.complete && img.naturalWidth > 0 ? 'yes' : 'no'); " +
        "document.body.setAttribute('data-checked', 'done'); });</script>";

    /// <summary>"yes" or "no" per &lt;img&gt;: decoded (naturalWidth &gt; 0) or not.</summary>
    public static IReadOnlyList<string> ImageDecodeMarks(string htmlPath)
    {
        var dom = DumpDom(htmlPath, MarkImages, windowWidth: 1280);
        return Regex.Matches(dom, "data-decoded=\"(yes|no)\"").Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>
    /// What a reader would see as cut off, in a window <paramref name="windowWidth"/> CSS pixels wide: every element whose
    /// content is wider than its box (scrollWidth &gt; clientWidth), a page wider than the window, and every figure with
    /// ink (a dark pixel) in its outermost two pixels, where text or a line clipped by the image's edge shows. Empty when
    /// nothing overflows.
    /// </summary>
    public static IReadOnlyList<string> LayoutProblems(string htmlPath, int windowWidth)
    {
        var dom = DumpDom(htmlPath, LayoutCheckScript.Html, windowWidth);
        var json = Regex.Match(dom, "<script type=\"application/json\" id=\"mt-layout-problems\">(.*?)</script>", RegexOptions.Singleline);
        if (!json.Success) throw new Xunit.Sdk.XunitException("the layout check did not report (no #mt-layout-problems in the dumped DOM)");
        return JsonSerializer.Deserialize<List<string>>(WebUtility.HtmlDecode(json.Groups[1].Value))!;
    }

    private static string DumpDom(string htmlPath, string script, int windowWidth)
    {
        var browser = Find() ?? throw new Xunit.Sdk.XunitException(
            "chromium was not found on PATH; the report rendering test needs it: run `apt-get install -y chromium` (the CI script installs it)");
        var work = Directory.CreateTempSubdirectory("mt-chromium-");
        try
        {
            var checkedHtml = Path.Combine(work.FullName, "checked.html");
            File.WriteAllText(checkedHtml, File.ReadAllText(htmlPath).Replace("</body>", script + "</body>"));
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--window-size={windowWidth},2000",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
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
            return dom.Result;
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
