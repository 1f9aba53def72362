import { Link } from "./link";
import { t } from "../../domain/i18n";

const S = t.networks.staff;
const sections = [
  { path: "", label: S.sections.details },
  { path: "/spotkania", label: S.sections.meetings },
  { path: "/materialy", label: S.sections.materials },
  { path: "/ustalenia", label: S.sections.agreements },
] as const;

/** The parts of one network's management, as tabs; `current` is the part shown ("" for details and members). */
export function NetworkAdminNav({ slug, name, current }: { slug: string; name: string; current: (typeof sections)[number]["path"] }) {
  return (
    <>
      <p className="card-meta breadcrumb">
        <Link to="/admin/sieci">{S.listTitle}</Link> · <Link to={`/sieci/${slug}`}>{S.publicPage}</Link>
      </p>
      <h1 id="network-admin-title">{S.editTitle(name)}</h1>
      <nav className="tabs" aria-label={S.sectionsLabel}>
        {sections.map((s) => (
          <Link key={s.path} to={`/admin/sieci/${slug}${s.path}`} aria-current={s.path === current ? "page" : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
    </>
  );
}

/** The result of the last form sent, shown once at the top of the page (errors also sit next to their fields). */
export function StaffNotice({ result }: { result?: { ok: boolean; message?: string } }) {
  if (!result?.message) return null;
  return (
    <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role={result.ok ? "status" : "alert"}>
      {result.message}
    </p>
  );
}
