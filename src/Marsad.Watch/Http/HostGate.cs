namespace Marsad.Watch.Http;

/// <summary>One host's turn: one request at a time, and at least a minimum delay after the previous one ended.</summary>
internal sealed class HostGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _lastEnded = DateTimeOffset.MinValue;

    public async Task EnterAsync(TimeSpan minDelay, TimeProvider time, CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = _lastEnded == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastEnded + minDelay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            _turn.Release();
            throw;
        }
    }

    public void Exit(DateTimeOffset now)
    {
        _lastEnded = now;
        _turn.Release();
    }

    public void Dispose() => _turn.Dispose();
}
