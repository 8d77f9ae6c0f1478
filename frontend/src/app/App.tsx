export function App() {
  return (
    <main className="placeholder">
      <h1>Partnerhub</h1>
      <p>The customer workspace is coming soon.</p>
      <p>
        Meanwhile, explore the API in the <a href="/explorer/">GraphQL explorer</a>.
      </p>
    </main>
  );
}
