import { Link } from "./link";
import { t } from "../../domain/i18n";

const tabs = [
  { to: "/admin/uzytkownicy", label: t.admin.users },
  { to: "/admin/dziennik", label: t.admin.audit },
  { to: "/admin/import", label: t.admin.import },
  { to: "/admin/wyszukiwarka", label: t.admin.searchIndex.tab },
  { to: "/admin/miasta", label: t.cities.review.tab },
  { to: "/admin/miasta-zgloszenia", label: t.cityClaims.queueTab },
  { to: "/admin/sieci", label: t.networks.staff.tab },
];

/** The administration section's tabs; `current` is the path of the page being shown. */
export function AdminTabs({ current }: { current: string }) {
  return (
    <nav className="tabs" aria-label={t.admin.title}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={tab.to === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
