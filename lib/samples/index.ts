/**
 * Sample postmortems written for Hindsight, offered on a fresh install so a
 * newcomer sees a full library (and every feature) in one click.
 */
import dnsResolver from "./dns-resolver.json";
import expiredCertificate from "./expired-certificate.json";
import replicaLag from "./replica-lag.json";

export const SAMPLE_POSTMORTEMS: unknown[] = [expiredCertificate, replicaLag, dnsResolver];
