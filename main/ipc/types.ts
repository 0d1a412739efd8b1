import type { Channel, Output, ParsedInput } from '#shared/ipc/contract';
import type { Services } from '../app/services';

export type Handler<C extends Channel> = (input: ParsedInput<C>, services: Services) => Output<C> | Promise<Output<C>>;

/** Exactly one handler per contract channel. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** A domain's slice of the table, e.g. every 'settings.*' channel. */
export type HandlerSlice<K extends Channel> = { [C in K]: Handler<C> };
