// `sitrep` command line. Every command opens the same Deps as the server; errors are printed as
// one line (never a stack trace) and turn into a non-zero exit code.
import { Command, InvalidArgumentError } from 'commander'
import { describeError } from '../core/errors.js'
import { crawlOnce } from '../jobs/crawl.js'
import { ensureSeeded } from '../jobs/seed.js'
import { feedsAdd, feedsExport, feedsImport, feedsList } from './cli/feeds.js'
import { ingestCommand } from './cli/ingest.js'
import { kbImport } from './cli/kb.js'
import { notifyAfterCrawl, notifyCommand } from './cli/notify.js'
import { keysCreate, keysList, keysRevoke } from './cli/keys.js'
import { progressLine } from './cli/progress.js'
import { recluster } from './cli/recluster.js'
import { createNodeRuntime, type NodeRuntime } from './node-deps.js'
import { startServer } from './node.js'

type Action = (rt: NodeRuntime) => Promise<number>

async function withRuntime(action: Action): Promise<void> {
  let rt: NodeRuntime | null = null
  try {
    rt = await createNodeRuntime(process.env)
    process.exitCode = await action(rt)
  } catch (err) {
    console.error(`error: ${describeError(err)}`)
    process.exitCode = 1
  } finally {
    await rt?.close()
  }
}

const port = (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('not a port number')
  return n
}

export function buildProgram(): Command {
  const program = new Command('sitrep')
    .description('Incident intelligence for security news: crawl, extract, link, serve.')
    .showHelpAfterError()

  program
    .command('serve')
    .description('serve the API and web pages, and crawl feeds on a schedule')
    .option('-p, --port <n>', 'port to listen on (default $PORT or 8787)', port)
    .option('--no-crawl-on-start', 'do not crawl right away, only on the schedule')
    .action(async (o: { port?: number; crawlOnStart: boolean }) => {
      try {
        const server = await startServer(
          process.env,
          o.port !== undefined ? { port: o.port } : {},
          {
            crawlOnStart: o.crawlOnStart,
          },
        )
        console.log(`sitrep is serving on http://localhost:${server.port}/ (Ctrl-C to stop)`)
        const stop = () => void server.close().then(() => process.exit(0))
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      } catch (err) {
        console.error(`error: ${describeError(err)}`)
        process.exit(1)
      }
    })

  program
    .command('crawl')
    .description('fetch feeds and process new articles')
    .requiredOption('--once', 'crawl once and exit (scheduled crawling runs under `sitrep serve`)')
    .option('--all', 'fetch every feed, ignoring schedules and backoff')
    .action((o: { all?: boolean }) =>
      withRuntime(async ({ deps }) => {
        await ensureSeeded(deps)
        const progress = progressLine()
        const r = await crawlOnce(deps, {
          all: o.all ?? false,
          onProgress: (m) => progress.update(m),
        })
        progress.done()
        for (const e of r.errors) console.error(`error: ${e.target}: ${e.message}`)
        console.log(
          `crawled ${r.feeds} feed(s): ${r.added} new article(s), ${r.skipped} already known, ` +
            `${r.duplicates} duplicate(s) of known stories, ${r.notModified} feed(s) not modified, ` +
            `${r.feedsFailed} feed(s) failed, ${r.failed} article(s) failed`,
        )
        // Issue 7: what this crawl changed goes out to subscribers now, as under `serve`.
        const notified = await notifyAfterCrawl(deps)
        return r.feedsFailed > 0 || r.failed > 0 || notified > 0 ? 1 : 0
      }),
    )

  program
    .command('notify')
    .description('fan recorded changes out to subscriptions and deliver webhooks and e-mails')
    .requiredOption('--once', 'run once and exit (scheduled under `sitrep serve`)')
    .action(() => withRuntime(({ deps }) => notifyCommand(deps)))

  const feeds = program.command('feeds').description('manage the feeds sitrep crawls')
  feeds
    .command('add <url>')
    .description('add a feed; a web page URL is searched for the feeds it advertises')
    .option('--name <name>', 'display name')
    .option('--no-discover', 'add the URL as given, without fetching it first')
    .action((url: string, o: { name?: string; discover: boolean }) =>
      withRuntime(({ deps }) =>
        feedsAdd(deps, url, { name: o.name ?? null, discover: o.discover }),
      ),
    )
  feeds
    .command('list')
    .description('list feeds with their health')
    .action(() => withRuntime(({ deps }) => feedsList(deps)))
  feeds
    .command('export')
    .description('print all feeds as OPML')
    .action(() => withRuntime(({ deps }) => feedsExport(deps)))
  feeds
    .command('import <file>')
    .description('import feeds from an OPML file')
    .action((file: string) => withRuntime(({ deps }) => feedsImport(deps, file)))

  program
    .command('ingest <inputs...>')
    .description(
      'ingest RSS/Atom/JSON Feed documents or JSON Lines of {url,title,published,text,source}',
    )
    .action((inputs: string[]) => withRuntime(({ deps }) => ingestCommand(deps, inputs)))

  program
    .command('kb')
    .description('knowledge base of threat actors, malware and tools')
    .command('import <files...>')
    .description('import MISP galaxy cluster files or MITRE ATT&CK STIX JSON')
    .action((files: string[]) => withRuntime(({ deps }) => kbImport(deps, files)))

  const keys = program.command('keys').description('API keys for write endpoints and editors')
  keys
    .command('create')
    .description('create an API key and print it once (only its hash is stored)')
    .requiredOption('--name <name>', 'unique name, shown as the author of edits')
    .option('--scope <scope>', 'read, write (curation edits) or admin', 'read')
    .action((o: { name: string; scope: string }) => withRuntime(({ deps }) => keysCreate(deps, o)))
  keys
    .command('list')
    .description('list API keys: name, prefix, scopes, created, last used, revoked')
    .action(() => withRuntime(({ deps }) => keysList(deps)))
  keys
    .command('revoke <name>')
    .description('revoke an API key and sign out its web sessions')
    .action((name: string) => withRuntime(({ deps }) => keysRevoke(deps, name)))

  program
    .command('recluster')
    .description('rebuild incidents from stored articles (after tuning or a KB import)')
    .action(() => withRuntime(({ deps }) => recluster(deps)))

  program
    .command('migrate')
    .description('apply database migrations (also done automatically on every start)')
    .action(() =>
      withRuntime(async ({ deps }) => {
        console.log(`database is up to date: ${deps.config.databaseUrl}`)
        return 0
      }),
    )
  return program
}

// `sitrep feeds list | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw err
})

await buildProgram().parseAsync(process.argv)
