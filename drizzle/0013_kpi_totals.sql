CREATE TABLE "kpi_contract_totals" (
	"edition_id" uuid NOT NULL,
	"event_id" uuid,
	"status" "contract_status" NOT NULL,
	"contracts" integer NOT NULL,
	"value_eur" bigint NOT NULL,
	CONSTRAINT "kpi_contract_totals_key" UNIQUE NULLS NOT DISTINCT("edition_id","event_id","status")
);
--> statement-breakpoint
CREATE TABLE "kpi_event_counts" (
	"event_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"rows" integer NOT NULL,
	CONSTRAINT "kpi_event_counts_pk" PRIMARY KEY("event_id","subject","status")
);
--> statement-breakpoint
CREATE TABLE "kpi_scope_members" (
	"scope_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sme_involved" boolean NOT NULL,
	"buyer_outside_targeted" boolean NOT NULL,
	"buyer_outside_involved" boolean NOT NULL,
	"involved" boolean NOT NULL,
	"eligible" boolean NOT NULL,
	"sme_followed_up" integer NOT NULL,
	"baseline_year" integer,
	"follow_up_year" integer,
	"turnover_baseline_eur" bigint,
	"turnover_follow_up_eur" bigint,
	"turnover_change_pct" double precision,
	"export_baseline_eur" bigint,
	"export_follow_up_eur" bigint,
	"export_change_pct" double precision,
	CONSTRAINT "kpi_scope_members_pk" PRIMARY KEY("scope_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_scope_totals" (
	"scope_id" uuid PRIMARY KEY NOT NULL,
	"smes" integer NOT NULL,
	"buyers_outside_targeted" integer NOT NULL,
	"buyers_outside_involved" integer NOT NULL,
	"members" integer NOT NULL,
	"eligible_smes" integer NOT NULL,
	"sme_followed_up" integer NOT NULL,
	"turnover_covered" integer NOT NULL,
	"turnover_baseline_eur" bigint NOT NULL,
	"turnover_follow_up_eur" bigint NOT NULL,
	"export_covered" integer NOT NULL,
	"export_baseline_eur" bigint NOT NULL,
	"export_follow_up_eur" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_scope_members_organisation_id_idx" ON "kpi_scope_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "kpi_scope_members_turnover_change_idx" ON "kpi_scope_members" USING btree ("scope_id","turnover_change_pct") WHERE "kpi_scope_members"."turnover_change_pct" is not null;--> statement-breakpoint
CREATE INDEX "kpi_scope_members_export_change_idx" ON "kpi_scope_members" USING btree ("scope_id","export_change_pct") WHERE "kpi_scope_members"."export_change_pct" is not null;--> statement-breakpoint
-- KPI totals, kept by triggers in the transaction of the rows they count.
-- `kpi.definitions.ts` says what each KPI counts; these are caches of it, and
-- test/features/outcomes/kpi-totals.test.ts checks each against the base rows.

-- Per event and status: meeting requests and meetings (additive, so a delta per statement).
CREATE FUNCTION kpi_count_event_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_event_counts AS t (event_id, subject, status, rows)
      SELECT event_id, TG_TABLE_NAME, status::text, count(*) FROM new_rows GROUP BY event_id, status ORDER BY 1, 3
      ON CONFLICT (event_id, subject, status) DO UPDATE SET rows = t.rows + excluded.rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO kpi_event_counts AS t (event_id, subject, status, rows)
      SELECT event_id, TG_TABLE_NAME, status::text, -count(*) FROM old_rows GROUP BY event_id, status ORDER BY 1, 3
      ON CONFLICT (event_id, subject, status) DO UPDATE SET rows = t.rows + excluded.rows;
  ELSE
    INSERT INTO kpi_event_counts AS t (event_id, subject, status, rows)
      SELECT event_id, TG_TABLE_NAME, status::text, sum(d) FROM (
        SELECT event_id, status, 1 AS d FROM new_rows UNION ALL SELECT event_id, status, -1 FROM old_rows
      ) x GROUP BY event_id, status HAVING sum(d) <> 0 ORDER BY 1, 3
      ON CONFLICT (event_id, subject, status) DO UPDATE SET rows = t.rows + excluded.rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_meeting_requests_insert AFTER INSERT ON meeting_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint
CREATE TRIGGER kpi_meeting_requests_update AFTER UPDATE ON meeting_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint
CREATE TRIGGER kpi_meeting_requests_delete AFTER DELETE ON meeting_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint
CREATE TRIGGER kpi_meetings_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint
CREATE TRIGGER kpi_meetings_update AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint
CREATE TRIGGER kpi_meetings_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_count_event_rows();
--> statement-breakpoint

-- Adds (sign 1) or takes away (sign -1) the member lines of some organisations from their scopes' totals.
CREATE FUNCTION kpi_add_members_to_totals(ids uuid[], direction integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO kpi_scope_totals AS t (scope_id, smes, buyers_outside_targeted, buyers_outside_involved, members, eligible_smes, sme_followed_up,
      turnover_covered, turnover_baseline_eur, turnover_follow_up_eur, export_covered, export_baseline_eur, export_follow_up_eur)
    SELECT scope_id, direction * count(*) FILTER (WHERE sme_involved), direction * count(*) FILTER (WHERE buyer_outside_targeted), direction * count(*) FILTER (WHERE buyer_outside_involved),
      direction * count(*) FILTER (WHERE involved), direction * count(*) FILTER (WHERE eligible), direction * sum(sme_followed_up),
      direction * count(*) FILTER (WHERE turnover_change_pct IS NOT NULL), direction * coalesce(sum(turnover_baseline_eur) FILTER (WHERE turnover_change_pct IS NOT NULL), 0), direction * coalesce(sum(turnover_follow_up_eur) FILTER (WHERE turnover_change_pct IS NOT NULL), 0),
      direction * count(*) FILTER (WHERE export_change_pct IS NOT NULL), direction * coalesce(sum(export_baseline_eur) FILTER (WHERE export_change_pct IS NOT NULL), 0), direction * coalesce(sum(export_follow_up_eur) FILTER (WHERE export_change_pct IS NOT NULL), 0)
    FROM kpi_scope_members WHERE organisation_id = ANY(ids) GROUP BY scope_id ORDER BY scope_id
  ON CONFLICT (scope_id) DO UPDATE SET smes = t.smes + excluded.smes, buyers_outside_targeted = t.buyers_outside_targeted + excluded.buyers_outside_targeted,
    buyers_outside_involved = t.buyers_outside_involved + excluded.buyers_outside_involved, members = t.members + excluded.members, eligible_smes = t.eligible_smes + excluded.eligible_smes,
    sme_followed_up = t.sme_followed_up + excluded.sme_followed_up,
    turnover_covered = t.turnover_covered + excluded.turnover_covered, turnover_baseline_eur = t.turnover_baseline_eur + excluded.turnover_baseline_eur, turnover_follow_up_eur = t.turnover_follow_up_eur + excluded.turnover_follow_up_eur,
    export_covered = t.export_covered + excluded.export_covered, export_baseline_eur = t.export_baseline_eur + excluded.export_baseline_eur, export_follow_up_eur = t.export_follow_up_eur + excluded.export_follow_up_eur
$$;
--> statement-breakpoint

-- Rebuilds the member lines of some organisations from the base rows (the same
-- rules as kpi.definitions.ts: involved = selected or a later step; outside the
-- region = a buyer whose known NUTS-2 differs from the edition's home region;
-- eligible = a verified contract; KPI v baseline = the year before the first
-- edition of the scope the SME was involved in, follow-up = the latest report of
-- the three years after, included with both reports and a baseline above zero).
-- Refreshes run one at a time (a transaction-scoped advisory lock), and each
-- statement after the lock reads a new snapshot under READ COMMITTED, so every
-- refresh sees the refreshes and rows committed before it: the totals stay equal
-- to a recomputation whatever the interleaving. A transaction with an older
-- snapshot (REPEATABLE READ, SERIALIZABLE) could not, so it may not write them.
CREATE FUNCTION kpi_refresh_members(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'KPI totals are kept by READ COMMITTED transactions only (this one is %)', current_setting('transaction_isolation') USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('kpi_totals'));
  PERFORM kpi_add_members_to_totals(ids, -1);
  DELETE FROM kpi_scope_members WHERE organisation_id = ANY(ids);
  INSERT INTO kpi_scope_members (scope_id, organisation_id, sme_involved, buyer_outside_targeted, buyer_outside_involved, involved, eligible, sme_followed_up,
      baseline_year, follow_up_year, turnover_baseline_eur, turnover_follow_up_eur, turnover_change_pct, export_baseline_eur, export_follow_up_eur, export_change_pct)
  WITH facts AS (
    SELECT p.organisation_id, ev.edition_id, p.status IN ('selected', 'prepared', 'attended', 'followed_up') AS involved, o.kind = 'sme' AS sme,
      o.kind = 'buyer' AND o.nuts2 IS NOT NULL AND o.nuts2 <> ed.home_nuts2 AS outside, false AS eligible,
      o.kind = 'sme' AND p.status = 'followed_up' AS followed_up, extract(year FROM ed.period_start)::int AS year
    FROM participations p JOIN events ev ON ev.id = p.event_id JOIN editions ed ON ed.id = ev.edition_id JOIN organisations o ON o.id = p.organisation_id
    WHERE p.organisation_id = ANY(ids)
    UNION ALL
    SELECT c.sme_id, c.edition_id, false, false, false, true, false, NULL FROM contracts c WHERE c.sme_id = ANY(ids) AND c.status = 'verified'
  ), lines AS (
    SELECT s.scope_id, f.organisation_id, bool_or(f.sme AND f.involved) AS sme_involved, bool_or(f.outside) AS buyer_outside_targeted,
      bool_or(f.outside AND f.involved) AS buyer_outside_involved, bool_or(f.involved) AS involved, bool_or(f.eligible) AS eligible,
      count(*) FILTER (WHERE f.followed_up)::int AS sme_followed_up, min(f.year) FILTER (WHERE f.sme AND f.involved) - 1 AS baseline_year
    FROM facts f CROSS JOIN LATERAL (
      SELECT f.edition_id AS scope_id UNION ALL SELECT eo.organiser_id FROM edition_organisers eo WHERE eo.edition_id = f.edition_id UNION ALL SELECT '00000000-0000-0000-0000-000000000000'::uuid
    ) s
    GROUP BY s.scope_id, f.organisation_id
    HAVING bool_or(f.involved) OR bool_or(f.outside) OR bool_or(f.eligible)
  )
  SELECT l.scope_id, l.organisation_id, l.sme_involved, l.buyer_outside_targeted, l.buyer_outside_involved, l.involved, l.eligible, l.sme_followed_up,
    l.baseline_year, f.year, b.turnover_eur, f.turnover_eur,
    CASE WHEN b.turnover_eur > 0 AND f.year IS NOT NULL THEN round(((f.turnover_eur - b.turnover_eur) * 100.0 / b.turnover_eur)::numeric, 2)::float8 END,
    b.export_eur, f.export_eur,
    CASE WHEN b.export_eur > 0 AND f.year IS NOT NULL THEN round(((f.export_eur - b.export_eur) * 100.0 / b.export_eur)::numeric, 2)::float8 END
  FROM lines l
  LEFT JOIN performance_reports b ON l.sme_involved AND b.sme_id = l.organisation_id AND b.year = l.baseline_year
  LEFT JOIN LATERAL (SELECT r.year, r.turnover_eur, r.export_eur FROM performance_reports r
    WHERE l.sme_involved AND r.sme_id = l.organisation_id AND r.year BETWEEN l.baseline_year + 1 AND l.baseline_year + 3 ORDER BY r.year DESC LIMIT 1) f ON true;
  PERFORM kpi_add_members_to_totals(ids, 1);
END $$;
--> statement-breakpoint

-- The organisations whose lines depend on some editions. The refresh lock is
-- taken first, so the set is read after every refresh committed before it: a
-- participation added meanwhile by another transaction is not missed.
CREATE FUNCTION kpi_organisations_of_editions(editions uuid[]) RETURNS uuid[] LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('kpi_totals'));
  SELECT array(
    SELECT p.organisation_id FROM participations p JOIN events ev ON ev.id = p.event_id WHERE ev.edition_id = ANY(editions)
    UNION SELECT c.sme_id FROM contracts c WHERE c.edition_id = ANY(editions) AND c.status = 'verified'
    ORDER BY 1)
$$;
--> statement-breakpoint

-- Participations: an organisation's lines change with the event, organisation or status of its participations.
CREATE FUNCTION kpi_participations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_refresh_members(array(SELECT DISTINCT organisation_id FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_refresh_members(array(SELECT DISTINCT organisation_id FROM old_rows ORDER BY 1));
  ELSE
    PERFORM kpi_refresh_members(array(SELECT DISTINCT organisation_id FROM (
      (SELECT event_id, organisation_id, status FROM new_rows EXCEPT ALL SELECT event_id, organisation_id, status FROM old_rows)
      UNION ALL (SELECT event_id, organisation_id, status FROM old_rows EXCEPT ALL SELECT event_id, organisation_id, status FROM new_rows)) x ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_participations_insert AFTER INSERT ON participations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_participations_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_participations_update AFTER UPDATE ON participations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_participations_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_participations_delete AFTER DELETE ON participations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_participations_changed();
--> statement-breakpoint

-- Contracts: totals per edition, event and status (a delta), and the SMEs' eligibility lines.
CREATE FUNCTION kpi_contracts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_contract_totals AS t (edition_id, event_id, status, contracts, value_eur)
      SELECT edition_id, event_id, status, count(*), sum(value_eur) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT ON CONSTRAINT kpi_contract_totals_key DO UPDATE SET contracts = t.contracts + excluded.contracts, value_eur = t.value_eur + excluded.value_eur;
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM new_rows WHERE status = 'verified' ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO kpi_contract_totals AS t (edition_id, event_id, status, contracts, value_eur)
      SELECT edition_id, event_id, status, -count(*), -sum(value_eur) FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT ON CONSTRAINT kpi_contract_totals_key DO UPDATE SET contracts = t.contracts + excluded.contracts, value_eur = t.value_eur + excluded.value_eur;
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM old_rows WHERE status = 'verified' ORDER BY 1));
  ELSE
    INSERT INTO kpi_contract_totals AS t (edition_id, event_id, status, contracts, value_eur)
      SELECT edition_id, event_id, status, sum(n), sum(v) FROM (
        SELECT edition_id, event_id, status, 1 AS n, value_eur AS v FROM new_rows UNION ALL SELECT edition_id, event_id, status, -1, -value_eur FROM old_rows
      ) x GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(v) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ON CONSTRAINT kpi_contract_totals_key DO UPDATE SET contracts = t.contracts + excluded.contracts, value_eur = t.value_eur + excluded.value_eur;
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM (
      (SELECT edition_id, sme_id, status FROM new_rows WHERE status = 'verified' EXCEPT ALL SELECT edition_id, sme_id, status FROM old_rows WHERE status = 'verified')
      UNION ALL (SELECT edition_id, sme_id, status FROM old_rows WHERE status = 'verified' EXCEPT ALL SELECT edition_id, sme_id, status FROM new_rows WHERE status = 'verified')) x ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_contracts_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_contracts_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_contracts_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_contracts_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_contracts_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_contracts_changed();
--> statement-breakpoint

-- Performance reports: the KPI v values of the SMEs whose reports changed.
CREATE FUNCTION kpi_performance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM old_rows ORDER BY 1));
  ELSE
    PERFORM kpi_refresh_members(array(SELECT DISTINCT sme_id FROM (
      (SELECT sme_id, year, turnover_eur, export_eur FROM new_rows EXCEPT ALL SELECT sme_id, year, turnover_eur, export_eur FROM old_rows)
      UNION ALL (SELECT sme_id, year, turnover_eur, export_eur FROM old_rows EXCEPT ALL SELECT sme_id, year, turnover_eur, export_eur FROM new_rows)) x ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_performance_reports_insert AFTER INSERT ON performance_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_performance_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_performance_reports_update AFTER UPDATE ON performance_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_performance_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_performance_reports_delete AFTER DELETE ON performance_reports REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_performance_changed();
--> statement-breakpoint

-- Editions (period and home region), the hubs running them, an event moved to another edition, an organisation's region or kind.
CREATE FUNCTION kpi_editions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_refresh_members(kpi_organisations_of_editions(array(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.period_start IS DISTINCT FROM o.period_start OR n.home_nuts2 IS DISTINCT FROM o.home_nuts2)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_editions_update AFTER UPDATE ON editions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_editions_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_edition_organisers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_refresh_members(kpi_organisations_of_editions(array(SELECT DISTINCT edition_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_refresh_members(kpi_organisations_of_editions(array(SELECT DISTINCT edition_id FROM old_rows)));
  ELSE
    PERFORM kpi_refresh_members(kpi_organisations_of_editions(array(SELECT edition_id FROM new_rows UNION SELECT edition_id FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_edition_organisers_insert AFTER INSERT ON edition_organisers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_edition_organisers_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_edition_organisers_update AFTER UPDATE ON edition_organisers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_edition_organisers_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_edition_organisers_delete AFTER DELETE ON edition_organisers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_edition_organisers_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The lock before the set, as in kpi_organisations_of_editions.
  PERFORM pg_advisory_xact_lock(hashtext('kpi_totals'));
  PERFORM kpi_refresh_members(array(
    SELECT DISTINCT p.organisation_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN participations p ON p.event_id = n.id WHERE n.edition_id IS DISTINCT FROM o.edition_id ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_events_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_events_changed();
--> statement-breakpoint
CREATE FUNCTION kpi_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_refresh_members(array(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.kind IS DISTINCT FROM o.kind OR n.nuts2 IS DISTINCT FROM o.nuts2 ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_organisations_update AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_organisations_changed();
--> statement-breakpoint

-- Totals of the rows already there.
INSERT INTO kpi_event_counts (event_id, subject, status, rows)
  SELECT event_id, 'meeting_requests', status::text, count(*) FROM meeting_requests GROUP BY 1, 3
  UNION ALL SELECT event_id, 'meetings', status::text, count(*) FROM meetings GROUP BY 1, 3;
--> statement-breakpoint
INSERT INTO kpi_contract_totals (edition_id, event_id, status, contracts, value_eur)
  SELECT edition_id, event_id, status, count(*), sum(value_eur) FROM contracts GROUP BY 1, 2, 3;
--> statement-breakpoint
SELECT kpi_refresh_members(array(SELECT DISTINCT organisation_id FROM participations UNION SELECT sme_id FROM contracts WHERE status = 'verified'));
