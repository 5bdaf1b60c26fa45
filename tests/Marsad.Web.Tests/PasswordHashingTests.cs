using Marsad.Web.Features.Auth;

namespace Marsad.Tests;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Verify_RightPassword_True()
    {
        var h = PasswordHashing.Hash("s3cret-pass");
        PasswordHashing.Verify("s3cret-pass", h).ShouldBeTrue();
    }

    [Fact]
    public void Verify_WrongPassword_False()
    {
        var h = PasswordHashing.Hash("s3cret-pass");
        PasswordHashing.Verify("s3cret-pasS", h).ShouldBeFalse();
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        PasswordHashing.Hash("s3cret-pass").ShouldNotBe(PasswordHashing.Hash("s3cret-pass"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$x$y$z")]
    public void Verify_MalformedStored_False(string? stored)
    {
        // Malformed stored hashes never verify and never throw.
        PasswordHashing.Verify("anything", stored).ShouldBeFalse();
    }
}
