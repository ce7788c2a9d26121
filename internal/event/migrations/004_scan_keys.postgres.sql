-- A scan is kept once by (event, device, nonce), no longer by (device,
-- nonce) across every event: a phone that scans at two events with a
-- nonce repeated was answered at the second from the first's kept scan,
-- and a forged batch of another event's nonces learned that event's
-- answers. Every scan kept so far is unique on (device, nonce), so on the
-- wider key too. Sync looks a kept scan up within its event.
ALTER TABLE event_scans DROP CONSTRAINT event_scans_device_nonce_key;
CREATE UNIQUE INDEX event_scans_nonce ON event_scans (event_id, device, nonce);
