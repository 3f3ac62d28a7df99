//! `schalter staff`: named staff accounts with roles, for an office without an identity
//! provider. A new password is made here (128 random bits) and printed once, unless one is
//! given on standard input (`--password-stdin`, for scripts and password managers).

use std::io::Read as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Subcommand;
use schalter_core::Engine;
use schalter_core::staff::Roles;

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add an account: `schalter staff add ana --role translator:ar --role catalogue-editor`.
    Add {
        /// The name to sign in with: letters, digits, `.`, `-`, `_`.
        name: String,
        /// translator, translator:LANG, catalogue-editor, queue-supervisor, data-protection or
        /// operator; repeat for several.
        #[arg(long = "role", value_name = "ROLE", required = true)]
        roles: Vec<String>,
        /// Read the password from standard input instead of making one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Give an account a new password (and lift a lock after wrong passwords).
    Password {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove an account; its sessions end at once.
    Remove { name: String },
    /// List the accounts with their roles.
    List,
}

fn password(from_stdin: bool) -> Result<(String, bool)> {
    if !from_stdin {
        // 26 characters of Crockford base32: 128 random bits.
        return Ok((schalter_core::reference::secret_token(), true));
    }
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let text = text.trim_end_matches(['\r', '\n']).to_owned();
    if text.is_empty() {
        bail!("no password on standard input");
    }
    Ok((text, false))
}

pub async fn run(engine: &Engine, command: StaffCommand) -> Result<ExitCode> {
    let staff = engine.staff();
    match command {
        StaffCommand::Add {
            name,
            roles,
            password_stdin,
        } => {
            let roles = Roles::parse(&roles.join(" "))?;
            let (password, made) = password(password_stdin)?;
            staff.add_account(&name, &roles, &password).await?;
            println!("added {name} ({roles})");
            if made {
                println!("password (shown once): {password}");
            }
        }
        StaffCommand::Password {
            name,
            password_stdin,
        } => {
            let (password, made) = password(password_stdin)?;
            staff.set_password(&name, &password).await?;
            println!("new password for {name}");
            if made {
                println!("password (shown once): {password}");
            }
        }
        StaffCommand::Remove { name } => {
            staff.remove_account(&name).await?;
            println!("removed {name}; their sessions ended");
        }
        StaffCommand::List => {
            for (name, roles) in staff.accounts().await? {
                println!("{name}\t{roles}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
