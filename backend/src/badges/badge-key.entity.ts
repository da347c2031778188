import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A forum's Ed25519 key pair. The public key goes to door devices; the private key never leaves the server. */
@Entity('badge_keys')
export class BadgeKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  forumId: string;

  /** The raw 32-byte public key, base64url. */
  @Column({ type: 'varchar', length: 64 })
  publicKey: string;

  /** The PKCS#8 private key, encrypted with AES-256-GCM under a key derived from the app secret. */
  @Column({ type: 'text' })
  encryptedPrivateKey: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
