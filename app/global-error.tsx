"use client";

// Used only when the root layout itself fails, so it cannot rely on translations: all three languages.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="tk">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Ýalňyşlyk ýüze çykdy</h1>
          <p lang="ru">Произошла ошибка. Попробуйте позже.</p>
          <p lang="en">Something went wrong. Please try again later.</p>
          {error.digest && <p>Ref: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
