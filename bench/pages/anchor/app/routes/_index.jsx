import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta = () => [{ title: "Biblioteka" }];

// The same 20 rows /biblioteka shows first (published, newest first), from the same SQLite file, per request.
export async function loader({ context }) {
  const items = context.newest.all();
  return json({ items });
}

export default function Library() {
  const { items } = useLoaderData();
  return (
    <main>
      <h1>Biblioteka</h1>
      <ul>
        {items.map((item) => (
          <li key={item.slug}>
            <a href={`/biblioteka/${item.slug}`}>{item.title}</a>
            <p>{item.summary}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
