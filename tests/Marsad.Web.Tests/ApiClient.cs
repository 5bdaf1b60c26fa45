using System.Net.Http.Json;
using System.Text.Json;

namespace Marsad.Tests;

/// <summary>Helpers for calling the API like the browser does (cookie, antiforgery header).</summary>
internal static class ApiClient
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient c, string path)
    {
        var r = await c.GetAsync(new Uri(path, UriKind.Relative));
        var body = await r.Content.ReadAsStringAsync();
        r.IsSuccessStatusCode.ShouldBeTrue($"GET {path} → {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> CsrfAsync(this HttpClient c)
    {
        var j = await c.GetJsonAsync("/api/auth/csrf");
        return j.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient c, string path, object body, bool csrf = true)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (csrf)
        {
            req.Headers.Add("X-CSRF-TOKEN", await c.CsrfAsync());
        }

        return await c.SendAsync(req);
    }

    public static async Task SignInAsync(this HttpClient c, string user = WebHost.Reviewer, string password = WebHost.Password)
    {
        var r = await c.PostJsonAsync("/api/auth/login", new { username = user, password });
        r.IsSuccessStatusCode.ShouldBeTrue(await r.Content.ReadAsStringAsync());
    }
}
