using Marsad.Cli.Composition;

namespace Marsad.Tests;

public sealed class OrderedParallelTests
{
    /// <summary>Later items finish first (the delay falls with the index), yet come back in input order.</summary>
    [Fact]
    public void Map_FourThreadsUnevenWork_ResultsInInputOrder()
    {
        var results = OrderedParallel.Map(Enumerable.Range(0, 200), i => { Thread.Sleep((200 - i) % 7); return i * 2; }, threads: 4)
            .Select(m => (m.Input, Result: m.GetResult()))
            .ToList();

        results.Select(r => r.Input).ShouldBe(Enumerable.Range(0, 200));
        results.ShouldAllBe(r => r.Result == r.Input * 2);
    }

    [Fact]
    public void Map_FourThreads_RunsOnWorkerThreads()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threadIds = OrderedParallel.Map(Enumerable.Range(0, 50), _ => Environment.CurrentManagedThreadId, threads: 4)
            .Select(m => m.GetResult())
            .ToList();

        threadIds.ShouldNotContain(caller);
    }

    /// <summary>One thread: a plain loop on the caller's thread, nothing in the background.</summary>
    [Fact]
    public void Map_OneThread_RunsOnCallersThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threadIds = OrderedParallel.Map(Enumerable.Range(0, 20), _ => Environment.CurrentManagedThreadId, threads: 1)
            .Select(m => m.GetResult())
            .ToList();

        threadIds.ShouldAllBe(id => id == caller);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Map_FunctionThrows_ItemCarriesExceptionOthersDone(int threads)
    {
        var results = OrderedParallel.Map(Enumerable.Range(0, 30), i => i == 13 ? throw new FormatException("bad " + i) : i, threads).ToList();

        results.Count.ShouldBe(30);
        Should.Throw<FormatException>(() => results[13].GetResult()).Message.ShouldBe("bad 13");
        results.Where(m => m.Input != 13).ShouldAllBe(m => m.GetResult() == m.Input);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Map_SourceThrows_ItemsBeforeThenException(int threads)
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 10; i++)
            {
                yield return i;
            }

            throw new IOException("disk gone");
        }

        var seen = new List<int>();
        var e = Should.Throw<IOException>(() =>
        {
            foreach (var m in OrderedParallel.Map(Failing(), i => i, threads))
            {
                seen.Add(m.GetResult());
            }
        });

        e.Message.ShouldBe("disk gone");
        seen.ShouldBe(Enumerable.Range(0, 10));
    }

    /// <summary>
    /// A slow consumer: the reader may run at most the window (4 per thread) ahead of what was yielded, so memory
    /// stays bounded however long the input is.
    /// </summary>
    [Fact]
    public void Map_SlowConsumer_ReadAheadBoundedByWindow()
    {
        const int Threads = 2;
        var read = 0;
        var maxAhead = 0;
        IEnumerable<int> Counted()
        {
            for (var i = 0; i < 100; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var yielded = 0;
        foreach (var m in OrderedParallel.Map(Counted(), i => i, Threads))
        {
            m.GetResult().ShouldBe(yielded);
            yielded++;
            Thread.Sleep(2);
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - yielded);
        }

        yielded.ShouldBe(100);
        // The window, plus the one item the reader holds while it waits for room.
        maxAhead.ShouldBeLessThanOrEqualTo((Threads * OrderedParallel.WindowPerThread) + 1);
        maxAhead.ShouldBeGreaterThan(1); // it does read ahead
    }

    [Fact]
    public void Map_ConsumerStopsEarly_ReaderStopsToo()
    {
        var read = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var first = OrderedParallel.Map(Endless(), i => i, threads: 2).Take(5).Select(m => m.GetResult()).ToList();
        Thread.Sleep(50);
        var afterStop = Volatile.Read(ref read);
        Thread.Sleep(50);

        first.ShouldBe([0, 1, 2, 3, 4]);
        Volatile.Read(ref read).ShouldBe(afterStop);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Map_Cancelled_ThrowsOperationCanceled(int threads)
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        Should.Throw<OperationCanceledException>(() =>
        {
            foreach (var m in OrderedParallel.Map(Enumerable.Range(0, 1000), i => i, threads, cts.Token))
            {
                if (++seen == 10)
                {
                    cts.Cancel();
                }
            }
        });
        seen.ShouldBeLessThan(1000);
    }

    [Fact]
    public void Map_ZeroThreads_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => OrderedParallel.Map(Enumerable.Range(0, 1), i => i, threads: 0));
}
