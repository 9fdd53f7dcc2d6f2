/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Layout, type EditorStatus } from './layout.js'

const TITLES: Record<number, string> = {
  400: 'That request did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Something went wrong',
}

/** 404 and other error pages, with the full site frame so that a reader can move on. */
export function ErrorPage(props: { status: number; message?: string; editor?: EditorStatus }) {
  const title = TITLES[props.status] ?? 'Something went wrong'
  return (
    <Layout title={title} editor={props.editor ?? null}>
      <div class="prose">
        <h1>{title}</h1>
        <p>
          {props.message ??
            (props.status === 404
              ? 'There is no page at this address. The incident may have been removed, or the link is mistyped.'
              : 'The server could not answer this request. Please try again in a moment.')}
        </p>
        <p>
          <a href="/">Latest incidents</a> · <a href="/search">Search</a>
        </p>
      </div>
    </Layout>
  )
}

/** For app.ts (a .ts file): the error page as a renderable node. */
export const errorPage = (status: number, message?: string) => (
  <ErrorPage status={status} message={message} />
)
