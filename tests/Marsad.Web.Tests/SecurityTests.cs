using System.Net;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Web.Features.Auth;
using Marsad.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Marsad.Tests;

/// <summary>Sessions (revocation by generation, absolute expiry), bad query input, server paths kept from readers.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly MarsadFactory _app;

    public SecurityTests() => _app = new MarsadFactory { Time = _clock };

    private HttpClient SignedOutClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    private async Task<HttpClient> SignedInClientAsync()
    {
        var c = SignedOutClient();
        await c.SignInAsync();
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.OK);
        return c;
    }

    private static async Task<HttpStatusCode> QueueStatusAsync(HttpClient c) =>
        (await c.GetAsync(new Uri("/api/review/queue", UriKind.Relative))).StatusCode;

    [Fact]
    public async Task Session_PasswordChanged_IsRevoked()
    {
        using var c = await SignedInClientAsync();
        (await _app.Store.SetPasswordHashAsync(WebHost.Reviewer, PasswordHashing.Hash("another long password"))).ShouldBeTrue();
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_SignOutInOneBrowser_RevokesTheOthers()
    {
        using var a = await SignedInClientAsync();
        using var b = await SignedInClientAsync();
        (await a.PostJsonAsync("/api/auth/logout", new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await QueueStatusAsync(b)).ShouldBe(HttpStatusCode.Unauthorized);
        (await QueueStatusAsync(a)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_OtherUsersPasswordChanged_StaysValid()
    {
        // Negative case: only the changed user's sessions end.
        (await _app.Store.AddUserAsync("salma", PasswordHashing.Hash("salma's long password"))).ShouldBeTrue();
        using var c = await SignedInClientAsync();
        (await _app.Store.SetPasswordHashAsync("salma", PasswordHashing.Hash("a new long password"))).ShouldBeTrue();
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_UserDisabled_RevokedAndSignInRefusedUntilEnabled()
    {
        using var c = await SignedInClientAsync();
        (await _app.Store.SetDisabledAsync(WebHost.Reviewer, true)).ShouldBeTrue();
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.Unauthorized);

        using var again = SignedOutClient();
        var r = await again.PostJsonAsync("/api/auth/login", new { username = WebHost.Reviewer, password = WebHost.Password });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await r.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"accountDisabled\"");

        (await _app.Store.SetDisabledAsync(WebHost.Reviewer, false)).ShouldBeTrue();
        await again.SignInAsync();
        (await QueueStatusAsync(again)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_ActiveUntilLifetime_EndsAtAbsoluteExpiry()
    {
        using var c = await SignedInClientAsync();
        // Activity half-way would have slid a sliding expiry forward; the lifetime counts from sign-in.
        _clock.Now += AuthSetup.SessionLifetime / 2;
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.OK);
        _clock.Now += AuthSetup.SessionLifetime / 2 - TimeSpan.FromMinutes(1);
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.OK);
        _clock.Now += TimeSpan.FromMinutes(2);
        (await QueueStatusAsync(c)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void SessionCheck_GenerationAndAge_Verdicts()
    {
        var now = DateTimeOffset.UtcNow;
        var user = new Marsad.Store.StoreUser("u", "h", "reviewer", now, SessionGeneration: 4);
        SessionValidation.Check(user, "4", now.AddHours(-1), now).ShouldBe(SessionRejection.None);
        SessionValidation.Check(user, "3", now.AddHours(-1), now).ShouldBe(SessionRejection.Revoked);
        SessionValidation.Check(user, null, now.AddHours(-1), now).ShouldBe(SessionRejection.Revoked); // a cookie from before generations
        SessionValidation.Check(user, "4", now - AuthSetup.SessionLifetime - TimeSpan.FromSeconds(1), now).ShouldBe(SessionRejection.Expired);
        SessionValidation.Check(user, "4", null, now).ShouldBe(SessionRejection.Expired);
        SessionValidation.Check(user, "4", now.AddHours(1), now).ShouldBe(SessionRejection.Expired); // issued in the future: forged or clock moved
        SessionValidation.Check(user with { Disabled = true }, "4", now, now).ShouldBe(SessionRejection.Disabled);
        SessionValidation.Check(null, "4", now, now).ShouldBe(SessionRejection.UnknownUser);
    }

    [Theory]
    [InlineData("/api/events?from=yesterday")]
    [InlineData("/api/events/map?to=2024-13-01")]
    [InlineData("/api/events/timeline?from=2024-1-1")]
    [InlineData("/api/actors/graph?status=maybe")]
    [InlineData("/api/export?format=jsonl&from=x")]
    public async Task BadQueryInput_Is400WithCodeAndNothingLogged(string path)
    {
        using var c = SignedOutClient();
        var r = await c.GetAsync(new Uri(path, UriKind.Relative));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"badFilter\"");
        _app.Logs.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error).ShouldBeEmpty();
    }

    [Fact]
    public async Task GoodQueryInput_Is200()
    {
        // Negative case of the above: valid dates and status pass the filter check.
        using var c = SignedOutClient();
        var j = await c.GetJsonAsync("/api/events?from=2024-03-01&to=2024-03-31&status=machine");
        j.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Article_StoredWithServerPath_ShowsFileNameOnly()
    {
        var doc = new Document("نص قصير كتبناه لاختبار إخفاء مسار الملف على الخادم.", new DocumentSource("/srv/marsad/private-folder/report-7.txt", Outlet: "اختبار"));
        var r = await _app.Store.IngestBatchAsync([AnnotatedDocument.Start(doc)]);
        var id = r.Items.Single().DocumentId.ShouldNotBeNull();
        using var c = SignedOutClient();
        var body = await (await c.GetAsync(new Uri("/api/articles/" + id, UriKind.Relative))).Content.ReadAsStringAsync();
        body.ShouldContain("\"path\":\"report-7.txt\"");
        body.ShouldNotContain("private-folder");
    }

    [Theory]
    [InlineData("/srv/data/a.txt", "a.txt")]
    [InlineData(@"C:\Users\rana\reports\b.html", "b.html")]
    [InlineData("https://example.org/feed/item-3", "https://example.org/feed/item-3")] // a feed item's link stays whole
    [InlineData("-", "-")] // stdin
    [InlineData("plain.txt", "plain.txt")]
    public void SourceName_Paths_FileNameOrUrl(string stored, string shown) =>
        EventDetailDto.SourceName(stored).ShouldBe(shown);

    [Fact]
    public async Task Login_RateLimited_AnswersJsonWithCode()
    {
        using var c = SignedOutClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= AuthSetup.LoginAttemptsPerMinute; i++)
        {
            last = await c.PostJsonAsync("/api/auth/login", new { username = "nobody", password = "guess " + i });
        }

        last.ShouldNotBeNull().StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"tooManyRequests\"");
    }

    public void Dispose() => _app.Dispose();
}
