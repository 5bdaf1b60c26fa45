using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Marsad.Cli.Composition;

/// <summary>
/// One item of <see cref="OrderedParallel.Map"/>: the input and what the function made of it, or the
/// exception it threw. <see cref="GetResult"/> rethrows that exception (original stack trace kept), so a
/// caller's <c>try/catch</c> around it handles a worker's failure exactly as if the function had run there.
/// </summary>
public readonly struct Mapped<TIn, TOut>
{
    private readonly TOut _result;
    private readonly ExceptionDispatchInfo? _error;

    internal Mapped(TIn input, TOut result, ExceptionDispatchInfo? error)
    {
        Input = input;
        _result = result;
        _error = error;
    }

    public TIn Input { get; }

    public TOut GetResult()
    {
        _error?.Throw();
        return _result;
    }
}

/// <summary>
/// Maps a sequence through a function on N worker threads and yields the results strictly in the source's
/// order. The source is enumerated on a reader thread of its own (so reading overlaps the work), at most
/// <c>4 × N</c> items are in flight (read, being mapped, or mapped and waiting for their turn), so memory
/// stays bounded whatever the input's length. With one thread nothing runs in the background: each item is
/// read, mapped and yielded in turn on the caller's thread, exactly as a plain loop would.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Items in flight per worker thread.</summary>
    public const int WindowPerThread = 4;

    /// <param name="map">Must be safe to call from several threads at once.</param>
    /// <param name="cancellation">Stops reading and mapping; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <remarks>
    /// An exception thrown by <paramref name="map"/> is carried by its item (<see cref="Mapped{TIn,TOut}.GetResult"/>);
    /// one thrown by the source's enumeration is rethrown by this enumeration after every item read before it.
    /// Stopping the enumeration early stops the reader and the workers.
    /// </remarks>
    public static IEnumerable<Mapped<TIn, TOut>> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int threads, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return threads == 1 ? Sequential(source, map, cancellation) : Parallel(source, map, threads, cancellation);
    }

    private static IEnumerable<Mapped<TIn, TOut>> Sequential<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, CancellationToken cancellation)
    {
        foreach (var item in source)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return Run(item, map);
        }
    }

    private static Mapped<TIn, TOut> Run<TIn, TOut>(TIn item, Func<TIn, TOut> map)
    {
        try
        {
            return new Mapped<TIn, TOut>(item, map(item), null);
        }
#pragma warning disable CA1031 // carried to the item's consumer, which rethrows it in its own try/catch
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Mapped<TIn, TOut>(item, default!, ExceptionDispatchInfo.Capture(e));
        }
    }

    private static IEnumerable<Mapped<TIn, TOut>> Parallel<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int threads, CancellationToken cancellation)
    {
        var session = new Session<TIn, TOut>(threads * WindowPerThread, cancellation);
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            workers[i] = new Thread(() => Work(session, map)) { IsBackground = true, Name = $"marsad worker {i + 1}" };
            workers[i].Start();
        }

        // Background: a reader blocked on its input (a terminal's stdin) must not keep the process alive.
        session.Enter();
        var reader = new Thread(() => Read(source, session)) { IsBackground = true, Name = "marsad reader" };
        reader.Start();
        try
        {
            foreach (var slot in session.Order.GetConsumingEnumerable(session.Token))
            {
                slot.SourceError?.Throw();
                slot.Result.Wait(session.Token);
                yield return slot.Result.Result;
            }

            cancellation.ThrowIfCancellationRequested();
        }
        finally
        {
            session.Stop();
            foreach (var w in workers)
            {
                w.Join();
            }

            // The reader stops at its next item; its input may block (stdin), so it is not awaited: whichever of
            // the two leaves last disposes the session.
            session.Leave();
        }
    }

    private static void Read<TIn, TOut>(IEnumerable<TIn> source, Session<TIn, TOut> session)
    {
        try
        {
            foreach (var item in source)
            {
                var slot = new Slot<TIn, TOut>(item);
                session.Order.Add(slot, session.Token); // blocks while the window is full: this bounds memory
                session.Work.Add(slot, session.Token);
            }
        }
        catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
        {
            // The consumer stopped: nothing more to read.
        }
#pragma warning disable CA1031 // a failing source is rethrown by the consumer, after the items read before it
        catch (Exception e)
#pragma warning restore CA1031
        {
            var failed = Slot<TIn, TOut>.Failed(ExceptionDispatchInfo.Capture(e));
            try
            {
                session.Order.Add(failed, session.Token);
            }
            catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
            {
                // The consumer stopped first: the failure has no one to reach.
            }
        }
        finally
        {
            session.Order.CompleteAdding();
            session.Work.CompleteAdding();
            session.Leave();
        }
    }

    private static void Work<TIn, TOut>(Session<TIn, TOut> session, Func<TIn, TOut> map)
    {
        try
        {
            foreach (var slot in session.Work.GetConsumingEnumerable(session.Token))
            {
                slot.Complete(Run(slot.Input, map));
            }
        }
        catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
        {
            // The consumer stopped: the items still queued are dropped.
        }
    }

    /// <summary>
    /// The queues and the stop signal of one run, shared by the consumer and the reader thread; the last of the
    /// two to leave disposes them (the workers are joined before the consumer leaves).
    /// </summary>
    private sealed class Session<TIn, TOut>(int window, CancellationToken cancellation) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        private int _users = 1;

        /// <summary>Every item read, in input order, until it is yielded (bounded: the window).</summary>
        public BlockingCollection<Slot<TIn, TOut>> Order { get; } = new(window);

        /// <summary>The same slots, for the workers.</summary>
        public BlockingCollection<Slot<TIn, TOut>> Work { get; } = new();

        public CancellationToken Token => _stop.Token;

        public void Enter() => Interlocked.Increment(ref _users);

        public void Stop() => _stop.Cancel();

        public void Leave()
        {
            if (Interlocked.Decrement(ref _users) == 0)
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            Order.Dispose();
            Work.Dispose();
            _stop.Dispose();
        }
    }

    private sealed class Slot<TIn, TOut>(TIn input)
    {
        private readonly TaskCompletionSource<Mapped<TIn, TOut>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TIn Input { get; } = input;

        /// <summary>Set when the source itself failed: this slot stands for that failure, after the last item.</summary>
        public ExceptionDispatchInfo? SourceError { get; private init; }

        public Task<Mapped<TIn, TOut>> Result => _done.Task;

        public static Slot<TIn, TOut> Failed(ExceptionDispatchInfo error)
        {
            var slot = new Slot<TIn, TOut>(default!) { SourceError = error };
            slot.Complete(default);
            return slot;
        }

        public void Complete(Mapped<TIn, TOut> result) => _done.SetResult(result);
    }
}
