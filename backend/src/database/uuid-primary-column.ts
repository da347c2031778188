import { PrimaryColumn } from 'typeorm';

/**
 * A UUID key made by the app (entities initialise it with randomUUID()), stored as varchar(36)
 * on every dialect; TypeORM's generated 'uuid' would be a native type on MariaDB only.
 */
export const UuidPrimaryColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
